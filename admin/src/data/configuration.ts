import { gql } from '../graphql/client';
import {
  CalendarFields,
  RouteDecisionFields,
  RoutingRuleFields,
  SlaPolicyFields,
  WebhookDeliveryFields,
  WebhookFields,
} from '../graphql/fragments';
import { graphql, type VariablesOf } from '../graphql/graphql';
import type {
  BusinessCalendar,
  RouteDecision,
  RoutePreviewInput,
  RoutingRule,
  SlaPolicy,
} from '../graphql/types';
import { notFound, type ResourceHandlers, wholeListResource } from './resource';

const withDepartmentId = (rule: RoutingRule) => ({ ...rule, departmentId: rule.department.id });

const RoutingRulesQuery = graphql(`query RoutingRules { routingRules { ...RoutingRuleFields } }`, [
  RoutingRuleFields,
]);

const fetchRules = async () =>
  (await gql(RoutingRulesQuery, {})).routingRules
    .map(withDepartmentId)
    .sort((a, b) => a.position - b.position);

const CONDITION_KEYS = ['categoryCodes', 'areaCodes', 'keywords', 'demandTypes', 'channels'] as const;

const CreateRoutingRule = graphql(
  `mutation CreateRoutingRule($input: RoutingRuleInput!) {
    createRoutingRule(input: $input) { ...RoutingRuleFields }
  }`,
  [RoutingRuleFields],
);

const UpdateRoutingRule = graphql(
  `mutation UpdateRoutingRule($id: ID!, $input: RoutingRuleInput!) {
    updateRoutingRule(id: $id, input: $input) { ...RoutingRuleFields }
  }`,
  [RoutingRuleFields],
);

type RoutingRuleInput = VariablesOf<typeof CreateRoutingRule>['input'];

/** The form's values (react-admin hands them untyped) as the schema's RoutingRuleInput. */
function routingRuleInput(data: Record<string, unknown>): RoutingRuleInput {
  const conditions = (data.conditions ?? {}) as Record<string, unknown>;
  return {
    name: data.name,
    enabled: data.enabled ?? true,
    conditions: Object.fromEntries(CONDITION_KEYS.map((key) => [key, conditions[key] ?? []])),
    departmentId: data.departmentId ?? (data.department as { id?: string } | undefined)?.id,
    priority: data.priority || null,
  } as RoutingRuleInput;
}

const DeleteRoutingRule = graphql(`mutation DeleteRoutingRule($id: ID!) { deleteRoutingRule(id: $id) }`);

export const routingRules: ResourceHandlers = {
  ...wholeListResource(fetchRules),
  create: async ({ data }) => {
    const { createRoutingRule } = await gql(CreateRoutingRule, { input: routingRuleInput(data) });
    return { data: withDepartmentId(createRoutingRule) };
  },
  update: async ({ id, data }) => {
    const { updateRoutingRule } = await gql(UpdateRoutingRule, {
      id: String(id),
      input: routingRuleInput(data),
    });
    return { data: withDepartmentId(updateRoutingRule) };
  },
  delete: async ({ id, previousData }) => {
    await gql(DeleteRoutingRule, { id: String(id) });
    return { data: previousData ?? { id } };
  },
};

const ReorderRoutingRules = graphql(
  `mutation ReorderRoutingRules($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { ...RoutingRuleFields } }`,
  [RoutingRuleFields],
);

export async function reorderRoutingRules(ids: string[]): Promise<RoutingRule[]> {
  return (await gql(ReorderRoutingRules, { ids })).reorderRoutingRules;
}

export const RoutePreviewQuery = graphql(
  `query RoutePreview($input: RoutePreviewInput!) { routePreview(input: $input) { ...RouteDecisionFields } }`,
  [RouteDecisionFields],
);

export async function routePreview(input: RoutePreviewInput, signal?: AbortSignal): Promise<RouteDecision> {
  return (await gql(RoutePreviewQuery, { input }, signal)).routePreview;
}

const withStepDepartmentIds = (policy: SlaPolicy) => ({
  ...policy,
  escalation: policy.escalation.map((step) => ({
    ...step,
    notifyDepartmentId: step.notifyDepartment?.id ?? null,
  })),
});

const PRIORITY_ORDER = ['EMERGENCY', 'ORDINARY', 'COMPLEX'];

const SlaPoliciesQuery = graphql(`query SlaPolicies { slaPolicies { ...SlaPolicyFields } }`, [
  SlaPolicyFields,
]);

const UpsertSlaPolicy = graphql(
  `mutation UpsertSlaPolicy($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { ...SlaPolicyFields } }`,
  [SlaPolicyFields],
);

const fetchPolicies = async () =>
  (await gql(SlaPoliciesQuery, {})).slaPolicies.map((policy) => ({
    ...withStepDepartmentIds(policy),
    rank: PRIORITY_ORDER.indexOf(policy.priority),
  }));

async function upsertPolicy(data: Record<string, unknown>) {
  const escalation = (data.escalation ?? []) as {
    level: number;
    after: string;
    notifyDepartmentId?: string;
  }[];
  const input = {
    name: data.name,
    priority: data.priority,
    clock: data.clock,
    acceptWithin: data.acceptWithin,
    resolveWithin: data.resolveWithin,
    remindAt: data.remindAt ?? [],
    escalation: escalation.map((step) => ({
      level: Number(step.level),
      after: step.after,
      notifyDepartmentId: step.notifyDepartmentId || null,
    })),
  } as VariablesOf<typeof UpsertSlaPolicy>['input'];
  const { upsertSlaPolicy } = await gql(UpsertSlaPolicy, { input });
  return { data: withStepDepartmentIds(upsertSlaPolicy) };
}

export const slaPolicies: ResourceHandlers = {
  ...wholeListResource(fetchPolicies),
  create: ({ data }) => upsertPolicy(data),
  update: ({ data }) => upsertPolicy(data),
};

const CalendarQuery = graphql(`query BusinessCalendar { businessCalendar { ...CalendarFields } }`, [
  CalendarFields,
]);

const SetCalendar = graphql(
  `mutation SetBusinessCalendar($input: BusinessCalendarInput!) {
    setBusinessCalendar(input: $input) { ...CalendarFields }
  }`,
  [CalendarFields],
);

export async function getCalendar(): Promise<BusinessCalendar> {
  return (await gql(CalendarQuery, {})).businessCalendar;
}

export async function setCalendar(input: BusinessCalendar): Promise<BusinessCalendar> {
  const { setBusinessCalendar } = await gql(SetCalendar, {
    input: {
      timezone: input.timezone,
      workdays: input.workdays,
      hours: input.hours.map(({ start, end }) => ({ start, end })),
      holidays: input.holidays,
      extraWorkdays: input.extraWorkdays,
    },
  });
  return setBusinessCalendar;
}

const WebhooksQuery = graphql(`query Webhooks { webhooks { ...WebhookFields } }`, [WebhookFields]);

const WebhooksWithDeliveries = graphql(
  `query WebhooksWithDeliveries {
    webhooks { ...WebhookFields deliveries(first: 50) { nodes { ...WebhookDeliveryFields } } }
  }`,
  [WebhookFields, WebhookDeliveryFields],
);

const CreateWebhook = graphql(
  `mutation CreateWebhook($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { ...WebhookFields } } }`,
  [WebhookFields],
);

const DeleteWebhook = graphql(`mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }`);

const fetchWebhooks = async () => (await gql(WebhooksQuery, {})).webhooks;

export const webhooks: ResourceHandlers = {
  ...wholeListResource(fetchWebhooks, ['url']),
  getOne: async ({ id }) => {
    const { webhooks: all } = await gql(WebhooksWithDeliveries, {});
    return { data: all.find((hook) => hook.id === String(id)) ?? notFound() };
  },
  create: async ({ data }) => {
    const { createWebhook } = await gql(CreateWebhook, {
      input: { url: String(data.url), events: data.events as string[] },
    });
    return { data: { ...createWebhook.webhook, secret: createWebhook.secret } };
  },
  delete: async ({ id, previousData }) => {
    await gql(DeleteWebhook, { id: String(id) });
    return { data: previousData ?? { id } };
  },
};
