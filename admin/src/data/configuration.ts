import { gql } from '../graphql/client';
import {
  CALENDAR_FIELDS,
  ROUTING_RULE_FIELDS,
  SLA_POLICY_FIELDS,
  WEBHOOK_DELIVERY_FIELDS,
  WEBHOOK_FIELDS,
} from '../graphql/fragments';
import type {
  BusinessCalendar,
  RouteDecision,
  RoutePreviewInput,
  RoutingRule,
  SlaPolicy,
  Webhook,
} from '../graphql/types';
import { notFound, type ResourceHandlers, wholeListResource } from './resource';

const withDepartmentId = (rule: RoutingRule) => ({ ...rule, departmentId: rule.department.id });

const fetchRules = async () =>
  (await gql<{ routingRules: RoutingRule[] }>(`{ routingRules { ${ROUTING_RULE_FIELDS} } }`)).routingRules
    .map(withDepartmentId)
    .sort((a, b) => a.position - b.position);

const CONDITION_KEYS = ['categoryCodes', 'areaCodes', 'keywords', 'demandTypes', 'channels'] as const;

export function routingRuleInput(data: Record<string, unknown>) {
  const conditions = (data.conditions ?? {}) as Record<string, unknown>;
  return {
    name: data.name,
    enabled: data.enabled ?? true,
    conditions: Object.fromEntries(CONDITION_KEYS.map((key) => [key, conditions[key] ?? []])),
    departmentId: data.departmentId ?? (data.department as { id?: string } | undefined)?.id,
    priority: data.priority || null,
  };
}

export const routingRules: ResourceHandlers = {
  ...wholeListResource(fetchRules),
  create: async ({ data }) => {
    const { createRoutingRule } = await gql<{ createRoutingRule: RoutingRule }>(
      `mutation ($input: RoutingRuleInput!) { createRoutingRule(input: $input) { ${ROUTING_RULE_FIELDS} } }`,
      { input: routingRuleInput(data) },
    );
    return { data: withDepartmentId(createRoutingRule) };
  },
  update: async ({ id, data }) => {
    const { updateRoutingRule } = await gql<{ updateRoutingRule: RoutingRule }>(
      `mutation ($id: ID!, $input: RoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { ${ROUTING_RULE_FIELDS} } }`,
      { id, input: routingRuleInput(data) },
    );
    return { data: withDepartmentId(updateRoutingRule) };
  },
  delete: async ({ id, previousData }) => {
    await gql<{ deleteRoutingRule: string }>('mutation ($id: ID!) { deleteRoutingRule(id: $id) }', { id });
    return { data: previousData ?? { id } };
  },
};

export async function reorderRoutingRules(ids: string[]): Promise<RoutingRule[]> {
  const { reorderRoutingRules: rules } = await gql<{ reorderRoutingRules: RoutingRule[] }>(
    `mutation ($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { ${ROUTING_RULE_FIELDS} } }`,
    { ids },
  );
  return rules;
}

export async function routePreview(input: RoutePreviewInput, signal?: AbortSignal): Promise<RouteDecision> {
  const { routePreview: decision } = await gql<{ routePreview: RouteDecision }>(
    `query ($input: RoutePreviewInput!) { routePreview(input: $input) {
      priority rule { id name position } department { id name } } }`,
    { input },
    signal,
  );
  return decision;
}

const withStepDepartmentIds = (policy: SlaPolicy) => ({
  ...policy,
  escalation: policy.escalation.map((step) => ({
    ...step,
    notifyDepartmentId: step.notifyDepartment?.id ?? null,
  })),
});

const PRIORITY_ORDER = ['EMERGENCY', 'ORDINARY', 'COMPLEX'];

const fetchPolicies = async () =>
  (await gql<{ slaPolicies: SlaPolicy[] }>(`{ slaPolicies { ${SLA_POLICY_FIELDS} } }`)).slaPolicies.map(
    (policy) => ({ ...withStepDepartmentIds(policy), rank: PRIORITY_ORDER.indexOf(policy.priority) }),
  );

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
  };
  const { upsertSlaPolicy } = await gql<{ upsertSlaPolicy: SlaPolicy }>(
    `mutation ($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { ${SLA_POLICY_FIELDS} } }`,
    { input },
  );
  return { data: withStepDepartmentIds(upsertSlaPolicy) };
}

export const slaPolicies: ResourceHandlers = {
  ...wholeListResource(fetchPolicies),
  create: ({ data }) => upsertPolicy(data),
  update: ({ data }) => upsertPolicy(data),
};

export async function getCalendar(): Promise<BusinessCalendar> {
  return (await gql<{ businessCalendar: BusinessCalendar }>(`{ businessCalendar { ${CALENDAR_FIELDS} } }`))
    .businessCalendar;
}

export async function setCalendar(input: BusinessCalendar): Promise<BusinessCalendar> {
  const { setBusinessCalendar } = await gql<{ setBusinessCalendar: BusinessCalendar }>(
    `mutation ($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { ${CALENDAR_FIELDS} } }`,
    {
      input: {
        timezone: input.timezone,
        workdays: input.workdays,
        hours: input.hours.map(({ start, end }) => ({ start, end })),
        holidays: input.holidays,
        extraWorkdays: input.extraWorkdays,
      },
    },
  );
  return setBusinessCalendar;
}

const fetchWebhooks = async () =>
  (await gql<{ webhooks: Webhook[] }>(`{ webhooks { ${WEBHOOK_FIELDS} } }`)).webhooks;

export const webhooks: ResourceHandlers = {
  ...wholeListResource(fetchWebhooks, ['url']),
  getOne: async ({ id }) => {
    const { webhooks: all } = await gql<{ webhooks: Webhook[] }>(
      `{ webhooks { ${WEBHOOK_FIELDS} deliveries(first: 50) { nodes { ${WEBHOOK_DELIVERY_FIELDS} } } } }`,
    );
    return { data: all.find((hook) => hook.id === String(id)) ?? notFound() };
  },
  create: async ({ data }) => {
    const { createWebhook } = await gql<{ createWebhook: { webhook: Webhook; secret: string } }>(
      `mutation ($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { ${WEBHOOK_FIELDS} } } }`,
      { input: { url: data.url, events: data.events } },
    );
    return { data: { ...createWebhook.webhook, secret: createWebhook.secret } };
  },
  delete: async ({ id, previousData }) => {
    await gql<{ deleteWebhook: string }>('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id });
    return { data: previousData ?? { id } };
  },
};
