import { describe, expect, it } from 'vitest';
import { CREATE_TICKET, makeApiClient, ticketInput } from '../integration/integration-helpers.js';
import { makeDepartment } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();

describe('API clients', () => {
  it('returns a key once, stores only its hash, and scopes the client like a user', async () => {
    const department = await makeDepartment(app);
    const data = await app.ok(
      `mutation($input: ApiClientInput!) { createApiClient(input: $input) { key client { id name role active department { id } } } }`,
      { input: { name: 'city platform', role: 'INTEGRATION', departmentId: department.id } },
      app.adminToken,
    );
    const { key, client } = data.createApiClient;
    expect(key).toMatch(/^hlk_[A-Za-z0-9_-]{40,}$/);
    expect(client).toMatchObject({
      name: 'city platform',
      role: 'INTEGRATION',
      active: true,
      department: { id: department.id },
    });
    const me = await app.ok('{ me { role user { id } department { id } } }', {}, key);
    expect(me.me).toEqual({ role: 'INTEGRATION', user: null, department: { id: department.id } });

    const listed = await app.ok('{ apiClients { id active } }', {}, app.adminToken);
    expect(listed.apiClients).toContainEqual({ id: client.id, active: true });
  });

  it('is ADMIN only', async () => {
    const { key } = await makeApiClient(app, { role: 'INTEGRATION' });
    const result = await app.gql(
      `mutation { createApiClient(input: { name: "x", role: ADMIN }) { key } }`,
      {},
      key,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(
      codes(await app.gql('mutation { createApiClient(input: { name: "x", role: ADMIN }) { key } }')),
    ).toEqual(['UNAUTHENTICATED']);
  });

  it('revocation makes the very next request fail with UNAUTHENTICATED', async () => {
    const { id, key } = await makeApiClient(app, { role: 'AGENT' });
    expect((await app.ok('{ me { role } }', {}, key)).me.role).toBe('AGENT');
    const revoked = await app.ok(
      'mutation($id: ID!) { revokeApiClient(id: $id) { id active } }',
      { id },
      app.adminToken,
    );
    expect(revoked.revokeApiClient).toEqual({ id, active: false });
    expect(codes(await app.gql('{ me { role } }', {}, key))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(CREATE_TICKET, { input: ticketInput() }, key))).toEqual(['UNAUTHENTICATED']);
  });

  it('revoking an unknown client answers NOT_FOUND', async () => {
    const result = await app.gql(
      'mutation { revokeApiClient(id: "00000000-0000-0000-0000-000000000000") { id } }',
      {},
      app.adminToken,
    );
    expect(codes(result)).toEqual(['NOT_FOUND']);
  });

  it('shows INTEGRATION clients masked caller phones, staff the full number', async () => {
    const { key } = await makeApiClient(app, { role: 'INTEGRATION' });
    const created = await app.ok(CREATE_TICKET, { input: ticketInput({ callerPhone: '13987654321' }) }, key);
    expect(created.createTicket.caller.phone).toBe('139****4321');
    const asClient = await app.ok(
      'query($id: ID!) { ticket(id: $id) { caller { phone } } }',
      { id: created.createTicket.id },
      key,
    );
    expect(asClient.ticket.caller.phone).toBe('139****4321');
    const asAdmin = await app.ok(
      'query($id: ID!) { ticket(id: $id) { caller { phone } } }',
      { id: created.createTicket.id },
      app.adminToken,
    );
    expect(asAdmin.ticket.caller.phone).toBe('13987654321');
  });
});
