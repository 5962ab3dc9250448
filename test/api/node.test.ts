import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

const app = useHotline();
beforeAll(async () => {}, 60_000);

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on RoutingRule { name department { id } }
  ... on ApiClient { name role active }
  ... on Webhook { url events active } } }`;

describe('node(id) for every type that implements Node', () => {
  it('finds routing rules for staff, API clients and webhooks for an ADMIN only', async () => {
    const department = await makeDepartment(app);
    const { createRoutingRule: rule } = await app.ok<{ createRoutingRule: { id: string } }>(
      'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }',
      { input: { name: '供水报修', departmentId: department.id, conditions: { keywords: ['停水'] } } },
      app.adminToken,
    );
    const { createApiClient: created } = await app.ok<{ createApiClient: { client: { id: string } } }>(
      'mutation { createApiClient(input: {name: "市级平台", role: INTEGRATION}) { client { id } key } }',
      {},
      app.adminToken,
    );
    const { createWebhook: hook } = await app.ok<{ createWebhook: { webhook: { id: string } } }>(
      'mutation { createWebhook(input: {url: "http://127.0.0.1:9/hook", events: ["ticket.created"]}) { webhook { id } } }',
      {},
      app.adminToken,
    );

    const asAdmin = async (id: string) =>
      (await app.ok<{ node: unknown }>(NODE, { id }, app.adminToken)).node;
    expect(await asAdmin(rule.id)).toEqual({
      __typename: 'RoutingRule',
      id: rule.id,
      name: '供水报修',
      department: { id: department.id },
    });
    expect(await asAdmin(created.client.id)).toEqual({
      __typename: 'ApiClient',
      id: created.client.id,
      name: '市级平台',
      role: 'INTEGRATION',
      active: true,
    });
    expect(await asAdmin(hook.webhook.id)).toEqual({
      __typename: 'Webhook',
      id: hook.webhook.id,
      url: 'http://127.0.0.1:9/hook',
      events: ['ticket.created'],
      active: true,
    });

    const manager = await makeUser(app, 'MANAGER');
    const asManager = async (id: string) =>
      (await app.ok<{ node: unknown }>(NODE, { id }, manager.token)).node;
    expect(await asManager(rule.id)).toMatchObject({ __typename: 'RoutingRule', id: rule.id });
    expect(await asManager(created.client.id)).toBeNull();
    expect(await asManager(hook.webhook.id)).toBeNull();
  });
});
