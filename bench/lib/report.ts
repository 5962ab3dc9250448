import type { SideBySide } from '../benchmarks/measure.js';
import type { RankingFigures } from '../benchmarks/rollups.js';
import type { ScaleOutFigures } from '../benchmarks/scale-out.js';
import type { SlaReportFigures } from '../benchmarks/sla-report.js';
import type { StatsFigures } from '../benchmarks/stats.js';
import type { RunFigures } from './load.js';
import type { Machine } from './machine.js';

export interface LoadStep {
  tickets: number;
  events: number;
  copyMs: number;
  indexMs: number;
  vacuumMs: number;
}

export interface CurvePoint {
  connections: number;
  api: Pick<RunFigures, 'p50' | 'p99' | 'perSecond'>;
  raw: Pick<RunFigures, 'p50' | 'p99' | 'perSecond'>;
}

export interface GrowthPoint {
  tickets: number;
  list: { apiP99: number; rawP99: number };
  detail: { apiP99: number; rawP99: number };
}

export interface Check {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  totalSeconds?: number;
  machine?: Machine;
  loadAverageAtEnd?: number[];
  settings: {
    rounds: number;
    seconds: number;
    poolSize: number;
    tickets: number;
    perDay: number;
    /** Node flags of the API and worker processes. */
    nodeFlags: string[];
  };
  loads: LoadStep[];
  /** Saturation: every client sends its next request as soon as the last one is answered. */
  reads?: Record<string, SideBySide & { tickets: number; connections: number }>;
  /** Paced: every client sends `perClientRate` requests a second (a console user's pace). */
  readsPaced?: Record<string, SideBySide & { tickets: number; connections: number; perClientRate: number }>;
  /** Peak RSS of the API process under the paced read load (MB). */
  apiRssMb?: number;
  /** Peak RSS under the saturating read load (MB). */
  apiRssSaturatedMb?: number;
  /** The API's own metrics right after the read load, in MB. */
  apiMemory?: Record<string, number>;
  /** The same, right after start. */
  apiMemoryIdle?: Record<string, number>;
  curve?: CurvePoint[];
  growth: GrowthPoint[];
  /** The roll-up job catching up after the bulk load (days rolled, time). */
  rollupCatchUp?: { days: number; ms: number };
  /** `rawMs`: the same figures counted from the tickets (median); `ratio`: API median / raw. */
  stats?: StatsFigures & { tickets: number; rawMs: number; ratio: number };
  ranking?: RankingFigures & { tickets: number; rawMs: number; ratio: number };
  /** `tickets`: in the database; `judged`: in the report's window. */
  slaReport?: SlaReportFigures & { judged: number };
  create?: SideBySide & { connections: number };
  scaleOut?: ScaleOutFigures;
  checks: Check[];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The targets of issue 7, judged on the medians. */
export function judge(results: BenchResults): Check[] {
  const checks: Check[] = [];
  const add = (name: string, target: string, measured: string, pass: boolean) =>
    checks.push({ name, target, measured, pass });
  if (results.create) {
    const { api, ratio } = results.create;
    add('createTicket rate (32 clients)', '>= 800/s', `${api.perSecond.toFixed(0)}/s`, api.perSecond >= 800);
    add('createTicket vs raw inserts', '>= 0.40', ratio.toFixed(2), ratio >= 0.4);
  }
  for (const [mode, reads] of [
    ['paced', results.readsPaced],
    ['saturated', results.reads],
  ] as const) {
    for (const [name, read] of Object.entries(reads ?? {})) {
      const limit = name === 'detail' ? 20 : 30;
      const label = `${name} p99, ${read.connections} clients ${mode}`;
      add(label, `<= ${limit} ms`, ms(read.api.p99), read.api.p99 <= limit);
      if (name !== 'detail')
        add(`${name} p99 vs raw SQL, ${mode}`, '<= 3.0x', `${read.ratio.toFixed(2)}x`, read.ratio <= 3);
    }
  }
  if (results.stats) {
    // Issue 13: 30 days of stats at 1.8 M tickets in <= 100 ms, read from the daily roll-ups.
    const { maxMs, medianMs, received } = results.stats;
    add(
      `stats over 30 days (${received.toLocaleString('en')} tickets)`,
      '<= 100 ms',
      `${ms(medianMs)} (max ${ms(maxMs)})`,
      medianMs <= 100,
    );
  }
  if (results.ranking) {
    // Issue 13: the ranking of every department over 90 days in <= 300 ms.
    const { maxMs, medianMs, days } = results.ranking;
    add(
      `department ranking over ${days} days`,
      '<= 300 ms',
      `${ms(medianMs)} (max ${ms(maxMs)})`,
      medianMs <= 300,
    );
  }
  for (const [mode, peak] of [
    ['paced', results.apiRssMb],
    ['saturated', results.apiRssSaturatedMb],
  ] as const) {
    if (peak !== undefined)
      add(`API process RSS, 50 clients ${mode}`, '<= 300 MB', `${peak.toFixed(0)} MB`, peak <= 300);
  }
  if (results.scaleOut) {
    const { gain, duplicates } = results.scaleOut;
    add('2 API + 2 workers vs 1 + 1', '> 1.0x', `${gain.toFixed(2)}x`, gain > 1);
    const bad = Object.entries(duplicates).filter(([, count]) => count !== 0);
    add(
      'duplicate or missing effects',
      '0',
      bad.length ? bad.map(([key, count]) => `${key}=${count}`).join(', ') : '0',
      bad.length === 0,
    );
  }
  return checks;
}

const pad = (text: string, width: number) => text.padEnd(width);

/** The figures as a plain-text table. */
export function formatTable(results: BenchResults): string {
  const lines: string[] = [];
  const row = (cells: string[]) =>
    lines.push(cells.map((cell, i) => pad(cell, [44, 22, 22, 10][i] ?? 12)).join(' '));
  row(['benchmark', 'API (median)', 'raw (median)', 'ratio']);
  lines.push('-'.repeat(100));
  if (results.create) {
    const { api, raw, ratio } = results.create;
    row([
      'createTicket, 32 clients',
      `${api.perSecond.toFixed(0)}/s p99 ${ms(api.p99)}`,
      `${raw.perSecond.toFixed(0)}/s p99 ${ms(raw.p99)}`,
      ratio.toFixed(2),
    ]);
  }
  for (const [mode, reads] of [
    ['paced 1/s', results.readsPaced],
    ['saturated', results.reads],
  ] as const) {
    for (const [name, read] of Object.entries(reads ?? {})) {
      row([
        `${name} @ ${(read.tickets / 1e6).toFixed(2)}M, ${read.connections} clients ${mode}`,
        `${read.api.perSecond.toFixed(0)}/s p50 ${ms(read.api.p50)} p99 ${ms(read.api.p99)}`,
        `${read.raw.perSecond.toFixed(0)}/s p50 ${ms(read.raw.p50)} p99 ${ms(read.raw.p99)}`,
        `${read.ratio.toFixed(2)}x`,
      ]);
    }
  }
  for (const point of results.growth) {
    row([
      `growth @ ${(point.tickets / 1e6).toFixed(2)}M: list / detail p99`,
      `${ms(point.list.apiP99)} / ${ms(point.detail.apiP99)}`,
      `${ms(point.list.rawP99)} / ${ms(point.detail.rawP99)}`,
      '',
    ]);
  }
  for (const point of results.curve ?? []) {
    row([
      `list curve, ${point.connections} clients`,
      `p50 ${ms(point.api.p50)} p99 ${ms(point.api.p99)}`,
      `p50 ${ms(point.raw.p50)} p99 ${ms(point.raw.p99)}`,
      '',
    ]);
  }
  if (results.stats)
    row([
      `stats 30 days (${results.stats.received} tickets)`,
      `median ${ms(results.stats.medianMs)}`,
      `counted ${ms(results.stats.rawMs)}`,
      `${results.stats.ratio.toFixed(3)}x`,
    ]);
  if (results.ranking)
    row([
      `ranking ${results.ranking.days} days (${results.ranking.departments} departments)`,
      `median ${ms(results.ranking.medianMs)}`,
      `counted ${ms(results.ranking.rawMs)}`,
      `${results.ranking.ratio.toFixed(3)}x`,
    ]);
  if (results.slaReport)
    row([
      `SLA report ${results.slaReport.days} days (${results.slaReport.judged} tickets)`,
      `median ${ms(results.slaReport.medianMs)}`,
      '',
      '',
    ]);
  if (results.scaleOut) {
    const { one, two, gain } = results.scaleOut;
    row([
      'createTicket 1 API+1 worker / 2+2',
      `${one.perSecond.toFixed(0)}/s -> ${two.perSecond.toFixed(0)}/s`,
      '',
      `${gain.toFixed(2)}x`,
    ]);
  }
  if (results.apiRssMb !== undefined) {
    const rss = `${results.apiRssMb.toFixed(0)} / ${results.apiRssSaturatedMb?.toFixed(0)} MB`;
    row(['API RSS peak, paced / saturated reads', rss, '', '']);
  }
  lines.push('', 'targets:');
  for (const check of results.checks) {
    lines.push(
      `  ${check.pass ? 'PASS' : 'MISS'}  ${pad(check.name, 52)} ${pad(check.target, 12)} ${check.measured}`,
    );
  }
  return lines.join('\n');
}

const cell = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The figures as Markdown tables (pasted into docs/performance.md). */
export function formatMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  lines.push('| Benchmark | API | raw | ratio | API CPU / op |', '|---|---|---|---|---|');
  if (results.create) {
    const { api, raw, ratio, apiCpuMsPerOperation } = results.create;
    lines.push(
      `| createTicket, ${results.create.connections} clients | ${cell(api.perSecond, 0)}/s, p99 ${cell(api.p99)} ms | ${cell(raw.perSecond, 0)}/s, p99 ${cell(raw.p99)} ms | ${cell(ratio, 2)} | ${cell(apiCpuMsPerOperation, 2)} ms |`,
    );
  }
  for (const [mode, reads] of [
    ['paced, 1 request/s each', results.readsPaced],
    ['saturated', results.reads],
  ] as const) {
    for (const [name, read] of Object.entries(reads ?? {})) {
      lines.push(
        `| ${name} @ ${read.tickets.toLocaleString('en')}, ${read.connections} clients ${mode} | ${cell(read.api.perSecond, 0)}/s, p50 ${cell(read.api.p50)} ms, p99 ${cell(read.api.p99)} ms | ${cell(read.raw.perSecond, 0)}/s, p50 ${cell(read.raw.p50)} ms, p99 ${cell(read.raw.p99)} ms | ${cell(read.ratio, 2)}x | ${cell(read.apiCpuMsPerOperation, 2)} ms |`,
      );
    }
  }
  if (results.slaReport) {
    const { days, judged, medianMs, maxMs, timedOut } = results.slaReport;
    lines.push(
      `| slaReport, ${days} days (${judged.toLocaleString('en')} tickets judged) | median ${cell(medianMs, 0)} ms, max ${cell(maxMs, 0)} ms, ${timedOut} cancelled | | | |`,
    );
  }
  if (results.stats) {
    const { received, medianMs, maxMs, rawMs, ratio } = results.stats;
    lines.push(
      `| stats, 30 days (${received.toLocaleString('en')} tickets), from the roll-ups | median ${cell(medianMs, 0)} ms, max ${cell(maxMs, 0)} ms | counted from the tickets: ${cell(rawMs, 0)} ms | ${cell(ratio, 3)}x | |`,
    );
  }
  if (results.ranking) {
    const { days, departments, volume, medianMs, maxMs, rawMs, ratio } = results.ranking;
    lines.push(
      `| departmentRanking, ${days} days (${departments} departments, ${volume.toLocaleString('en')} tickets) | median ${cell(medianMs, 0)} ms, max ${cell(maxMs, 0)} ms | counted from the tickets: ${cell(rawMs, 0)} ms | ${cell(ratio, 3)}x | |`,
    );
  }
  if (results.apiRssMb !== undefined) {
    const saturated = cell(results.apiRssSaturatedMb ?? Number.NaN, 0);
    lines.push(
      `| API RSS peak, paced / saturated reads | ${cell(results.apiRssMb, 0)} / ${saturated} MB | | | |`,
    );
  }
  lines.push(
    '',
    '| Tickets | list p99 API (paced) | list p99 raw | detail p99 API (paced) | detail p99 raw |',
    '|---|---|---|---|---|',
  );
  for (const point of results.growth) {
    lines.push(
      `| ${point.tickets.toLocaleString('en')} | ${cell(point.list.apiP99)} ms | ${cell(point.list.rawP99)} ms | ${cell(point.detail.apiP99)} ms | ${cell(point.detail.rawP99)} ms |`,
    );
  }
  lines.push(
    '',
    '| Clients | list p50 API | list p99 API | list p99 raw | API req/s |',
    '|---|---|---|---|---|',
  );
  for (const point of results.curve ?? []) {
    lines.push(
      `| ${point.connections} | ${cell(point.api.p50)} ms | ${cell(point.api.p99)} ms | ${cell(point.raw.p99)} ms | ${cell(point.api.perSecond, 0)} |`,
    );
  }
  lines.push('', '| Target | Goal | Measured | |', '|---|---|---|---|');
  for (const check of results.checks)
    lines.push(
      `| ${check.name} | ${check.target} | ${check.measured} | ${check.pass ? 'met' : '**missed**'} |`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * JSON as Biome formats it (the repository's formatter): objects expanded, arrays of plain values on
 * one line when they fit in 110 columns; numbers to two decimals.
 */
export function formatJson(value: unknown): string {
  // Two decimals are more than the measurements carry; they also keep number arrays on one line.
  const rounded = (_key: string, item: unknown) =>
    typeof item === 'number' && !Number.isInteger(item) ? Math.round(item * 100) / 100 : item;
  const text = JSON.stringify(value, rounded, 2);
  return `${text.replace(
    /^( *)("[^"]*": )?\[\n([^[\]{}]*?)\n *\]/gm,
    (whole, indent: string, key = '', body: string) => {
      const items = body.split(',\n').map((item) => item.trim());
      const line = `${indent}${key}[${items.join(', ')}]`;
      return line.length + 1 <= 110 ? line : whole;
    },
  )}\n`;
}
