import { gql } from '../lib/graphql.js';
import { median } from '../lib/load.js';
import { STATS_QUERY } from './reads.js';

export interface StatsFigures {
  /** Tickets created inside the window. */
  received: number;
  runsMs: number[];
  medianMs: number;
  maxMs: number;
}

/**
 * The dashboard's stats over `range` (30 whole days, as the console asks), asked `runs` times one
 * after another (a manager opening it).
 */
export async function measureStats(
  url: string,
  token: string,
  range: { from: Date; to: Date },
  runs: number,
): Promise<StatsFigures> {
  const variables = { from: range.from.toISOString(), to: range.to.toISOString() };
  const runsMs: number[] = [];
  let received = 0;
  // Two runs first, not counted: the API's first answers of a kind compile its code paths.
  for (let run = 0; run < 2; run++) await gql(url, STATS_QUERY, variables, token);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const data = await gql<{ stats: { received: number } }>(url, STATS_QUERY, variables, token);
    runsMs.push(performance.now() - started);
    received = data.stats.received;
  }
  return { received, runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs) };
}
