import type { DataProvider } from 'react-admin';
import { useDataProvider } from 'react-admin';
import {
  getCalendar,
  reorderRoutingRules,
  routePreview,
  routingRules,
  setCalendar,
  slaPolicies,
  webhooks,
} from './data/configuration';
import { createExport, createExportDownload, getExport, listExports } from './data/exports';
import {
  cannedReplies,
  fetchCannedReplies,
  knowledgeArticles,
  renderCannedReply,
  retireKnowledgeArticle,
  suggestArticles,
} from './data/knowledge';
import { apiClients, areas, categories, departments, revokeApiClient, users } from './data/organisation';
import { getDepartmentRanking, getDepartmentScorecard, setScorecardWeights } from './data/ranking';
import { countOverdueByDepartment, getEscalationsSince, getSlaReport, getStats } from './data/reporting';
import type { ResourceHandlers } from './data/resource';
import { deleteView, listSavedViews, renameView, saveView, updateView } from './data/saved-views';
import { getSettingsAudit } from './data/settings-audit';
import { runTicketAction } from './data/ticket-actions';
import { listAssigneeCandidates, tickets } from './data/tickets';
import { GraphQLRequestError } from './graphql/client';
import { changePassword, deactivateUser, resetPassword } from './users/user-accounts';

/** Every react-admin resource and the contract operations behind it. */
const resources = {
  tickets,
  departments,
  categories,
  areas,
  users,
  'api-clients': apiClients,
  'routing-rules': routingRules,
  'sla-policies': slaPolicies,
  webhooks,
  'knowledge-articles': knowledgeArticles,
  'canned-replies': cannedReplies,
} satisfies Record<string, ResourceHandlers>;

const customMethods = {
  runTicketAction,
  listAssigneeCandidates,
  reorderRoutingRules,
  routePreview,
  getCalendar,
  setCalendar,
  getStats,
  getSlaReport,
  getDepartmentRanking,
  getDepartmentScorecard,
  setScorecardWeights,
  createExport,
  getExport,
  listExports,
  createExportDownload,
  countOverdueByDepartment,
  getEscalationsSince,
  revokeApiClient,
  deactivateUser,
  resetPassword,
  changePassword,
  getSettingsAudit,
  listSavedViews,
  saveView,
  updateView,
  renameView,
  deleteView,
  suggestArticles,
  retireKnowledgeArticle,
  renderCannedReply,
  fetchCannedReplies,
};

export type HotlineDataProvider = DataProvider & typeof customMethods;

function handler<M extends keyof ResourceHandlers>(
  resource: string,
  method: M,
): NonNullable<ResourceHandlers[M]> {
  const found = (resources as Record<string, ResourceHandlers>)[resource]?.[method];
  if (!found) throw new GraphQLRequestError(`${method} is not supported for ${resource}`, 'BAD_REQUEST', 400);
  return found;
}

export const dataProvider: HotlineDataProvider = {
  getList: (resource, params) => handler(resource, 'getList')(params) as never,
  getOne: (resource, params) => handler(resource, 'getOne')(params) as never,
  getMany: async (resource, params) => {
    const getMany = (resources as Record<string, ResourceHandlers>)[resource]?.getMany;
    if (getMany) return getMany(params) as never;
    const records = await Promise.all(params.ids.map((id) => handler(resource, 'getOne')({ id })));
    return { data: records.map((record) => record.data) } as never;
  },
  getManyReference: (resource, params) =>
    handler(
      resource,
      'getList',
    )({ ...params, filter: { ...params.filter, [params.target]: params.id } }) as never,
  create: (resource, params) => handler(resource, 'create')(params) as never,
  update: (resource, params) => handler(resource, 'update')(params) as never,
  updateMany: async (resource, params) => {
    const update = handler(resource, 'update');
    await Promise.all(params.ids.map((id) => update({ id, data: params.data, previousData: { id } })));
    return { data: params.ids };
  },
  delete: (resource, params) => handler(resource, 'delete')(params) as never,
  deleteMany: async (resource, params) => {
    const remove = handler(resource, 'delete');
    await Promise.all(params.ids.map((id) => remove({ id })));
    return { data: params.ids };
  },
  supportAbortSignal: true,
  ...customMethods,
};

export const useHotlineDataProvider = () => useDataProvider<HotlineDataProvider>();
