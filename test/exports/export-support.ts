import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestHotline } from '../support/hotline.js';

export const JOB_FIELDS =
  'id source format status parameters rowsDone rowsTotal bytes fileName error ownerId';

export interface JobView {
  id: string;
  source: string;
  format: string;
  status: string;
  parameters: string;
  rowsDone: number;
  rowsTotal: number | null;
  bytes: number;
  fileName: string;
  error: string | null;
  ownerId: string;
}

export const CREATE_EXPORT = `mutation($input: ExportInput!) { createExport(input: $input) { ${JOB_FIELDS} } }`;
export const CREATE_DOWNLOAD = 'mutation($id: ID!) { createExportDownload(id: $id) { url expiresAt } }';

/** Starts an export as `token` and returns its job. */
export async function startExport(app: TestHotline, token: string, input: Record<string, unknown>) {
  return (await app.ok<{ createExport: JobView }>(CREATE_EXPORT, { input }, token)).createExport;
}

/** A fresh one-time link to a finished export. */
export async function downloadUrl(app: TestHotline, token: string, id: string): Promise<string> {
  const data = await app.ok<{ createExportDownload: { url: string } }>(CREATE_DOWNLOAD, { id }, token);
  return `${app.url}${data.createExportDownload.url}`;
}

/** Downloads a finished export: the response and its bytes. */
export async function download(app: TestHotline, token: string, id: string) {
  const response = await fetch(await downloadUrl(app, token, id));
  expect(response.status).toBe(200);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** A UTF-8 CSV with its byte order mark, parsed into rows of cells. */
export function parseCsv(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(body.subarray(3), { relax_column_count: true }) as string[][];
}

/** A workbook parsed back: each sheet's rows as arrays of cell values (first column first). */
export async function parseXlsx(body: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** Polls an export until it leaves QUEUED/RUNNING; returns every state seen. */
export async function waitForExport(app: TestHotline, token: string, id: string): Promise<JobView[]> {
  const seen: JobView[] = [];
  for (let attempt = 0; attempt < 600; attempt++) {
    const data = await app.ok<{ export: JobView }>(
      `query($id: ID!) { export(id: $id) { ${JOB_FIELDS} } }`,
      { id },
      token,
    );
    seen.push(data.export);
    if (!['QUEUED', 'RUNNING'].includes(data.export.status)) return seen;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`export ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}
