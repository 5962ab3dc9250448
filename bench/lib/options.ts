import { parseArgs } from 'node:util';

/** The benchmarks `pnpm bench` knows; with none named, all run. */
export const BENCHMARKS = {
  reads: 'list, phone search and detail at the main scale (API vs raw SQL, 50 clients) and API memory',
  curve: 'list latency at 1/10/25/50/100 clients (the chart)',
  growth: 'list and detail p99 at each growth size',
  stats:
    '30-day stats of a 60,000-a-day city, from the daily roll-ups, vs the same figures counted from the tickets',
  ranking:
    "the 90-day department ranking over the stats benchmark's tickets, vs the same figures counted from the tickets",
  slareport: "the 90-day SLA report over the stats benchmark's tickets",
  create: 'createTicket over HTTP vs raw inserts, 32 clients',
  scaleout: 'createTicket with 1 API + 1 worker, then 2 + 2, and the duplicate-effects check',
  issue14:
    "issue 14's table: `pnpm start`'s server, 32 clients, an 18,000-ticket queue, pgbench as the anchor, 100 k -> --tickets",
} as const;

export type BenchmarkName = keyof typeof BENCHMARKS;

export interface BenchOptions {
  benchmarks: Set<BenchmarkName>;
  /** The scale of the read benchmarks. */
  tickets: number;
  /** Sizes the database grows through (the growth benchmark measures at each). */
  growth: number[];
  /** Tickets loaded before the stats benchmark (30 days of 60,000 a day). */
  statsTickets: number;
  perDay: number;
  rounds: number;
  seconds: number;
  keep: boolean;
}

const USAGE = `usage: pnpm bench [list | <benchmark>...] [options]
  --tickets N        main scale of the read benchmarks (default 1000000)
  --growth a,b,c     sizes to grow through and measure at (default 100000,<tickets>,<largest>)
  --stats-tickets N  tickets loaded before the stats benchmark (default 1800000 = 30 days x 60,000)
  --per-day N        tickets created per day in the generated history (default 60000)
  --rounds N         rounds per side-by-side measurement, medians reported (default 3)
  --seconds N        seconds per measured run (default 4)
  --keep             keep the benchmark database (printed) instead of dropping it`;

const numbers = (text: string) => text.split(',').map((part) => Number(part.replace(/_/g, '')));

/** Parses `pnpm bench` arguments; prints the benchmark list or usage and exits when asked. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tickets: { type: 'string' },
      growth: { type: 'string' },
      'stats-tickets': { type: 'string' },
      'per-day': { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals[0] === 'list') {
    for (const [name, description] of Object.entries(BENCHMARKS))
      process.stdout.write(`${name.padEnd(10)} ${description}\n`);
    process.exit(0);
  }
  const unknown = positionals.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown benchmark ${unknown.join(', ')}\n${USAGE}\n`);
    process.exit(2);
  }
  const tickets = numbers(values.tickets ?? '1000000')[0]!;
  const statsTickets = numbers(values['stats-tickets'] ?? '1800000')[0]!;
  const largest = Math.max(tickets, statsTickets);
  const options: BenchOptions = {
    benchmarks: new Set((positionals.length ? positionals : Object.keys(BENCHMARKS)) as BenchmarkName[]),
    tickets,
    growth: values.growth
      ? numbers(values.growth)
      : [...new Set([Math.min(100_000, tickets), tickets, largest])].sort((a, b) => a - b),
    statsTickets,
    perDay: numbers(values['per-day'] ?? '60000')[0]!,
    rounds: numbers(values.rounds ?? '3')[0]!,
    seconds: numbers(values.seconds ?? '4')[0]!,
    keep: values.keep ?? false,
  };
  const all = [options.tickets, options.statsTickets, ...options.growth];
  if (all.some((value) => !Number.isInteger(value) || value < 1000)) {
    process.stderr.write(`Sizes must be whole numbers of at least 1000\n${USAGE}\n`);
    process.exit(2);
  }
  return options;
}

/** The sizes the database is grown through, in order, for the chosen benchmarks. */
export function plannedSizes(options: BenchOptions): number[] {
  const sizes = new Set<number>([options.tickets]);
  if (options.benchmarks.has('growth')) for (const size of options.growth) sizes.add(size);
  if (['stats', 'ranking', 'slareport'].some((name) => options.benchmarks.has(name as BenchmarkName)))
    sizes.add(options.statsTickets);
  return [...sizes].sort((a, b) => a - b);
}
