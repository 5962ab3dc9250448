import type { ServiceContext } from '../../context.js';

/** Header language of an export (values such as statuses stay codes, for machines and filters alike). */
export type ExportLanguage = 'EN' | 'ZH';

/** A column's header in each language and how its cells are written. */
export interface ExportColumn {
  header: Record<ExportLanguage, string>;
  /** `time`: 'YYYY-MM-DD HH:MM:SS' in the hotline's time zone (a date cell in .xlsx). */
  kind?: 'text' | 'number' | 'time';
  /** Width in characters in .xlsx. */
  width?: number;
}

/** One table of an export: a sheet of the workbook, a block of the CSV file. */
export interface ExportSheet {
  name: Record<ExportLanguage, string>;
  columns: ExportColumn[];
  /** The rows in batches, each row one value per column. */
  batches: AsyncIterable<unknown[][]>;
}

/**
 * Something that can be exported: a ticket list or a report. Its parameters travel as JSON (the
 * export row keeps them: the audit of what was exported, and the worker's input).
 */
export interface ExportSource<Params> {
  /** The registry key, stored on the export row. */
  name: string;
  /** The stem of the file name in each language. */
  fileStem: Record<ExportLanguage, string>;
  /** Parameters from their stored JSON (dates are ISO strings there). */
  parse(json: unknown): Params;
  /** Checks the viewer may read it and the parameters are valid, and counts its rows (null: unknown). */
  count(ctx: ServiceContext, params: Params): Promise<number | null>;
  /** The tables, read as the viewer. */
  sheets(ctx: ServiceContext, params: Params, language: ExportLanguage): Promise<ExportSheet[]>;
}

/** Wraps a list of rows already in memory (a report's small tables) as one batch. */
export async function* oneBatch(rows: unknown[][]): AsyncIterable<unknown[][]> {
  if (rows.length > 0) yield rows;
}

/** Reads an ISO date of stored parameters back. */
export function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}
