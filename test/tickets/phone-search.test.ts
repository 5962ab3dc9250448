import { phoneSearchForms, textNumberForms } from '@hotline/api/services';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('a phone number written in the text', () => {
  const QUOTED = '13912345678';
  let quoted: string;
  let sql: postgres.Sql;
  beforeAll(async () => {
    sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
    quoted = (
      await makeTicket(app, {
        title: '噪音扰民',
        description: `邻居施工噪音，物业电话${QUOTED}，另一号码 +86${QUOTED.replace('139', '137')}，门牌 12 号`,
      })
    ).id;
  });
  afterAll(() => sql.end());

  it('is found by the whole number and its +86 forms, never by a longer or shorter run of digits', async () => {
    for (const term of [QUOTED, `+86 ${QUOTED}`, `0086${QUOTED}`, '13712345678', '+86 137-1234-5678']) {
      expect({ term, ids: (await search(agent, term)).nodes.map((node) => node.id) }).toEqual({
        term,
        ids: [quoted],
      });
    }
    for (const term of ['1391234567', '3912345678', '139123456789']) {
      expect({ term, found: (await search(agent, term)).totalCount }).toEqual({ term, found: 0 });
    }
    // Fewer than 7 digits is plain text: a substring, as any word.
    expect((await search(agent, '912345')).nodes.map((node) => node.id)).toEqual([quoted]);
  });

  it('is looked up through its own index, not the trigram one', async () => {
    const numbers =
      await sql`select ticket_text_numbers(search_text) as numbers from tickets where id = ${quoted}`;
    expect([...numbers[0]!.numbers].sort()).toEqual(
      [
        QUOTED,
        '8613712345678',
        (await sql`select number from tickets where id = ${quoted}`)[0]!.number,
      ].sort(),
    );
    await sql`set enable_seqscan = off`;
    const plan = (
      await sql.unsafe(
        `explain select id from tickets where ticket_text_numbers(search_text) && array['${QUOTED}']::text[]`,
      )
    )
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    expect(plan).toContain('tickets_text_numbers_idx');
  });
});

describe('textNumberForms', () => {
  it.each([
    [
      ['13812345678', '+8613812345678'],
      ['13812345678', '8613812345678', '008613812345678'],
    ],
    [
      ['138 1234 5678', '13812345678', '+8613812345678'],
      ['13812345678', '8613812345678', '008613812345678'],
    ],
    [
      ['(010) 6512-3456', '01065123456', '+861065123456'],
      ['01065123456', '861065123456', '00861065123456'],
    ],
  ])('%j are found in the text as %j', (forms, numbers) => {
    expect(textNumberForms(forms)).toEqual(numbers);
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
