import { beforeAll, describe, expect, it } from 'vitest';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Two agents merge the same pair of tickets in crossed directions at the same moment. Both merges
 * lock both tickets: in id order they queue, in the order given they deadlocked (40P01, an
 * INTERNAL_SERVER_ERROR for one of them).
 */
const app = useHotline({ env: { DATABASE_POOL_SIZE: '10' } });
let agents: string[];

beforeAll(async () => {
  agents = [(await makeUser(app, 'AGENT')).token, (await makeUser(app, 'AGENT')).token];
});

const MERGE = 'mutation($id: ID!, $intoId: ID!) { mergeTicket(id: $id, intoId: $intoId) { id status } }';
const PAIRS = 40;

describe('crossed merges', () => {
  it('of the same pair, run together many times: one merges, the other gets a clear refusal', async () => {
    const pairs = await Promise.all(
      Array.from({ length: PAIRS }, async () => [(await makeTicket(app)).id, (await makeTicket(app)).id]),
    );
    const outcomes = await Promise.all(
      pairs.map(([a, b]) =>
        Promise.all([
          app.gql(MERGE, { id: a, intoId: b }, agents[0]),
          app.gql(MERGE, { id: b, intoId: a }, agents[1]),
        ]),
      ),
    );
    for (const results of outcomes) {
      const merged = results.filter((result) => !result.errors);
      const refused = results.flatMap(codes);
      expect({ merged: merged.length, refused }).toEqual({
        merged: 1,
        // Merging into a ticket that just became a duplicate, or merging one that is already CLOSED.
        refused: [expect.stringMatching(/^(BAD_USER_INPUT|INVALID_TRANSITION)$/)],
      });
    }
  });
});
