import { describe, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id location { lat lng } mediaUrl } }`;
const input = (overrides: Record<string, unknown>) => ({
  title: '井盖缺失',
  description: '人民路口井盖缺失',
  demandType: 'REPORT',
  autoDispatch: false,
  ...overrides,
});

describe('Ticket.location and mediaUrl (GraphQL)', () => {
  it('round-trip through createTicket, kept to six decimal places', async () => {
    const { createTicket } = await app.ok(
      CREATE,
      {
        input: input({
          location: { lat: 31.2304161234, lng: -121.4737 },
          mediaUrl: 'https://x.example/1.jpg',
        }),
      },
      app.adminToken,
    );
    expect(createTicket).toMatchObject({
      location: { lat: 31.230416, lng: -121.4737 },
      mediaUrl: 'https://x.example/1.jpg',
    });
    const read = await app.ok(
      'query($id: ID!) { ticket(id: $id) { location { lat lng } mediaUrl } }',
      { id: createTicket.id },
      app.adminToken,
    );
    expect(read.ticket).toEqual({
      location: { lat: 31.230416, lng: -121.4737 },
      mediaUrl: 'https://x.example/1.jpg',
    });
    const plain = await makeTicket(app);
    const none = await app.ok(
      'query($id: ID!) { ticket(id: $id) { location { lat } mediaUrl } }',
      { id: plain.id },
      app.adminToken,
    );
    expect(none.ticket).toEqual({ location: null, mediaUrl: null });
  });

  it.each([
    [{ location: { lat: 90.000001, lng: 0 } }, 'location.lat'],
    [{ location: { lat: -90.5, lng: 0 } }, 'location.lat'],
    [{ location: { lat: 0, lng: 180.1 } }, 'location.lng'],
    [{ location: { lat: 0, lng: -181 } }, 'location.lng'],
    [{ mediaUrl: 'javascript:alert(1)' }, 'mediaUrl'],
    [{ mediaUrl: 'https://user:secret@x.example/1.jpg' }, 'mediaUrl'],
    [{ mediaUrl: 'not a url' }, 'mediaUrl'],
  ])('refuses %j with BAD_USER_INPUT on %s', async (overrides, field) => {
    const result = await app.gql(CREATE, { input: input(overrides) }, app.adminToken);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('accepts the bounds themselves', async () => {
    const { createTicket } = await app.ok(
      CREATE,
      { input: input({ location: { lat: -90, lng: 180 } }) },
      app.adminToken,
    );
    expect(createTicket.location).toEqual({ lat: -90, lng: 180 });
  });
});
