import { gql } from '../lib/graphql.js';
import { median } from '../lib/load.js';

export interface SlaReportFigures {
  days: number;
  /** Tickets the report judged (created in the window and dispatched). */
  tickets: number;
  runsMs: number[];
  medianMs: number;
  maxMs: number;
  /** Runs the API cancelled at its statement timeout (QUERY_TOO_COMPLEX); their time is in runsMs. */
  timedOut: number;
}

const DAY = 86_400_000;

/** What the console's SLA report page asks: every grouping and the first page of missed deadlines. */
const FIGURES =
  'tickets acceptRate resolveRate avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes';
const SLA_REPORT_QUERY = `query($from: DateTime!, $to: DateTime!) { slaReport(from: $from, to: $to) {
  overall { ${FIGURES} }
  byPriority { priority ${FIGURES} }
  byDepartment { department { name } ${FIGURES} }
  byCategory { category { name } ${FIGURES} }
  breaches(first: 25) { totalCount nodes { ticket { number } deadline cause dueAt lateByWorkingMinutes } }
} }`;

/** The SLA report over the last `days` days, asked `runs` times one after another (a director reviewing). */
export async function measureSlaReport(
  url: string,
  token: string,
  now: Date,
  days: number,
  runs: number,
): Promise<SlaReportFigures> {
  const variables = { from: new Date(now.getTime() - days * DAY).toISOString(), to: now.toISOString() };
  const runsMs: number[] = [];
  let tickets = 0;
  let timedOut = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    try {
      const data = await gql<{ slaReport: { overall: { tickets: number } } }>(
        url,
        SLA_REPORT_QUERY,
        variables,
        token,
      );
      tickets = data.slaReport.overall.tickets;
    } catch (error) {
      if (!String(error).includes('QUERY_TOO_COMPLEX')) throw error;
      timedOut++;
    }
    runsMs.push(performance.now() - started);
  }
  return { days, tickets, runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs), timedOut };
}
