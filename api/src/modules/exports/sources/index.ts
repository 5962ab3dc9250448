import { AppError } from '../../../errors/app-error.js';
import type { ExportSource } from '../export-source.js';
import { rankingSource } from './ranking.source.js';
import { slaReportSource } from './sla-report.source.js';
import { statsSource } from './stats.source.js';
import { ticketsSource } from './tickets.source.js';

/** What can be exported, by the name stored on the export row. One file per source. */
const SOURCES: Record<string, ExportSource<unknown>> = Object.fromEntries(
  [ticketsSource, statsSource, slaReportSource, rankingSource].map((source) => [
    source.name,
    source as ExportSource<unknown>,
  ]),
);

export function exportSource(name: string): ExportSource<unknown> {
  const source = SOURCES[name];
  if (!source) throw new AppError('BAD_USER_INPUT', `Unknown export source ${name}`);
  return source;
}
