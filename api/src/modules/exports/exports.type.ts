import type { ExportJobRow } from '@hotline/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

export const ExportFormat = { CSV: 'CSV', XLSX: 'XLSX' } as const;
export const ExportStatus = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  DONE: 'DONE',
  FAILED: 'FAILED',
  EXPIRED: 'EXPIRED',
} as const;
export const ExportSource = {
  TICKETS: 'TICKETS',
  STATS: 'STATS',
  SLA_REPORT: 'SLA_REPORT',
  RANKING: 'RANKING',
} as const;
export const ExportLanguage = { EN: 'EN', ZH: 'ZH' } as const;

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  valuesConfig: {
    CSV: {
      description: 'UTF-8 with a byte order mark (Excel opens Chinese correctly); tables one after another.',
    },
    XLSX: { description: 'An Excel workbook, one sheet per table.' },
  },
});
registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being written; see rowsDone and rowsTotal.' },
    DONE: { description: 'Ready: ask createExportDownload for a link.' },
    FAILED: { description: 'See error.' },
    EXPIRED: { description: 'The file was deleted after 7 days; the record stays.' },
  },
});
registerEnumType(ExportSource, { name: 'ExportSource', description: 'What an export holds.' });
registerEnumType(ExportLanguage, {
  name: 'ExportLanguage',
  description: 'Language of column headers and sheet names (values stay codes).',
});

/** Stored source names by GraphQL value. */
export const SOURCE_NAMES = {
  TICKETS: 'tickets',
  STATS: 'stats',
  SLA_REPORT: 'slaReport',
  RANKING: 'ranking',
} as const;
const SOURCE_VALUES = Object.fromEntries(Object.entries(SOURCE_NAMES).map(([value, name]) => [name, value]));

@ObjectType({
  simpleResolvers: true,
  description: 'A CSV or .xlsx export of a ticket list or report, and the record of who made it.',
})
export class ExportJob {
  @Field(() => ID)
  id!: string;
  @Field(() => ExportSource)
  source!: keyof typeof ExportSource;
  @Field(() => ExportFormat)
  format!: keyof typeof ExportFormat;
  @Field(() => ExportStatus)
  status!: keyof typeof ExportStatus;
  @Field(() => String, { description: 'The filters and period exported, as JSON (as they were given).' })
  parameters!: string;
  @Field(() => Int, { description: 'Rows written so far.' })
  rowsDone!: number;
  @Field(() => Int, { nullable: true, description: 'Rows counted when the export was asked for.' })
  rowsTotal!: number | null;
  @Field(() => Int, { description: 'Size of the finished file in bytes.' })
  bytes!: number;
  @Field(() => String)
  fileName!: string;
  @Field(() => String, { nullable: true })
  error!: string | null;
  @Field(() => ID, { description: 'The user or API client that asked for it.' })
  ownerId!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the file is deleted.' })
  expiresAt!: Date;
}

export function toExportJob(row: ExportJobRow): ExportJob {
  const { language: _language, ...parameters } = row.params as Record<string, unknown>;
  return {
    id: row.id,
    source: (SOURCE_VALUES[row.source] ?? 'TICKETS') as keyof typeof ExportSource,
    format: row.format as keyof typeof ExportFormat,
    status: row.status as keyof typeof ExportStatus,
    parameters: JSON.stringify(parameters),
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    bytes: row.bytes,
    fileName: row.fileName,
    error: row.error,
    ownerId: row.ownerId,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}

@ObjectType({ simpleResolvers: true, description: 'A one-time link to a finished export.' })
export class ExportDownload {
  @Field(() => String, {
    description: 'Path to GET on the API (no Authorization header needed); works once, until expiresAt.',
  })
  url!: string;
  @Field(() => DateTimeScalar)
  expiresAt!: Date;
}
