import { phoneSearchForms } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiClient } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

const PHONE = '13812345678';

const app = useHotline();
let ticket: { id: string; number: string };
let agent: string;
let formerHandler: string;
let currentHandler: string;
let integration: string;

beforeAll(async () => {
  const [former, current] = [await makeDepartment(app), await makeDepartment(app)];
  const client = await makeApiClient(app, { role: 'INTEGRATION', departmentId: null });
  integration = client.key;
  // The integration registers the case itself, so it sees the ticket (masked phone).
  ticket = (await makeTicket(app, { callerPhone: PHONE }, integration)) as { id: string; number: string };
  await app.ok(
    `mutation { dispatchTicket(id: "${ticket.id}", departmentId: "${former.id}") { id } }`,
    {},
    app.adminToken,
  );
  await app.ok(
    `mutation { reassignTicket(id: "${ticket.id}", departmentId: "${current.id}", reason: "不属于本单位") { id } }`,
    {},
    app.adminToken,
  );
  agent = (await makeUser(app, 'AGENT')).token;
  formerHandler = (await makeUser(app, 'HANDLER', former.id)).token;
  currentHandler = (await makeUser(app, 'HANDLER', current.id)).token;
});

type Found = { tickets: { totalCount: number; nodes: { id: string; caller: { phone: string | null } }[] } };

const search = async (token: string, term: string) =>
  (
    await app.ok<Found>(
      'query($term: String) { tickets(filter: {search: $term}) { totalCount nodes { id caller { phone } } } }',
      { term },
      token,
    )
  ).tickets;

/** Every probe an enumeration would try: prefixes, substrings, the whole number and its other forms. */
const probes = [
  ...Array.from({ length: PHONE.length - 2 }, (_, end) => PHONE.slice(0, end + 3)),
  '12345678',
  '2345',
  '5678',
  '+86 138-1234-5678',
];

describe('searching by caller phone', () => {
  it('finds nothing for viewers who see the phone masked, though they see the ticket', async () => {
    for (const [who, token] of [
      ['integration client', () => integration],
      ['handler of a department that once held it', () => formerHandler],
    ] as const) {
      const byNumber = await search(token(), ticket.number);
      expect({ who, nodes: byNumber.nodes }).toEqual({
        who,
        nodes: [{ id: ticket.id, caller: { phone: '138****5678' } }],
      });
      for (const term of probes)
        expect({ who, term, found: (await search(token(), term)).totalCount }).toEqual({
          who,
          term,
          found: 0,
        });
    }
  });

  it('finds the ticket by the whole phone for viewers who see it in full, never by a part', async () => {
    for (const token of [agent, currentHandler]) {
      for (const term of [PHONE, '138 1234 5678', '+86 138-1234-5678', '0086 13812345678']) {
        const found = await search(token, term);
        expect({ term, nodes: found.nodes }).toEqual({
          term,
          nodes: [{ id: ticket.id, caller: { phone: PHONE } }],
        });
      }
      for (const term of ['1381234567', '3812345678', '138', '5678']) {
        expect({ term, found: (await search(token, term)).totalCount }).toEqual({ term, found: 0 });
      }
    }
  });
});

describe('phoneSearchForms', () => {
  it.each([
    ['13812345678', ['13812345678', '+8613812345678']],
    ['138 1234 5678', ['138 1234 5678', '13812345678', '+8613812345678']],
    ['+86 138-1234-5678', ['+86 138-1234-5678', '+8613812345678', '13812345678']],
    ['0086 13812345678', ['0086 13812345678', '008613812345678', '13812345678', '+8613812345678']],
    ['(010) 6512-3456', ['(010) 6512-3456', '01065123456', '+861065123456']],
    ['123456', []],
    ['路灯 13812345678', []],
    ['WATER LEAK', []],
  ])('%s stands for %j', (term, forms) => {
    expect(phoneSearchForms(term)).toEqual(forms);
  });
});
