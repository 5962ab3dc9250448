import { type TicketPriority, tickets } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import {
  computeSlaReport,
  listSlaBreaches,
  SLA_BREACHES_MAX_PAGE,
  type SlaFiguresResult,
  type SlaReportArgs,
  type SlaReportScope,
} from '../../sla-report/sla-report.service.js';
import { dateOf, type ExportColumn, type ExportSource, oneBatch } from '../export-source.js';
import { loadNames } from './names.js';

const column = (en: string, zh: string, kind: ExportColumn['kind'] = 'number', width = 12): ExportColumn => ({
  header: { EN: en, ZH: zh },
  kind,
  width,
});
const FIGURE_COLUMNS: ExportColumn[] = [
  column('Tickets', '工单数'),
  column('Accepted on time', '按时签收'),
  column('Accepted late', '超时签收'),
  column('Acceptance rate', '签收及时率'),
  column('Resolved on time', '按时办结'),
  column('Resolved late', '超时办结'),
  column('Resolution rate', '办结及时率'),
  column('Avg minutes to accept', '平均签收用时(分)'),
  column('P90 minutes to accept', 'P90签收用时(分)'),
  column('Avg minutes to resolve', '平均办结用时(分)'),
  column('P90 minutes to resolve', 'P90办结用时(分)'),
];
const figures = (row: SlaFiguresResult) => [
  row.tickets,
  row.acceptMet,
  row.acceptMissed,
  row.acceptRate,
  row.resolveMet,
  row.resolveMissed,
  row.resolveRate,
  row.avgAcceptMinutes,
  row.p90AcceptMinutes,
  row.avgResolveMinutes,
  row.p90ResolveMinutes,
];

async function ticketNumbers(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** Every missed deadline of the report, page after page (the list is bounded by the report's range). */
async function* breachRows(
  ctx: ServiceContext,
  scope: SlaReportScope,
  names: Awaited<ReturnType<typeof loadNames>>,
): AsyncIterable<unknown[][]> {
  for (let offset = 0; ; offset += SLA_BREACHES_MAX_PAGE) {
    const page = await listSlaBreaches(ctx, scope, { first: SLA_BREACHES_MAX_PAGE, offset });
    if (page.length > 0) {
      const numbers = await ticketNumbers(
        ctx.readDb ?? ctx.db,
        page.map((breach) => breach.ticketId),
      );
      yield page.map((breach) => [
        numbers.get(breach.ticketId) ?? breach.ticketId,
        breach.priority,
        breach.deadline,
        breach.dueAt.toISOString(),
        breach.metAt?.toISOString() ?? null,
        names.department(breach.departmentId),
        breach.cause,
        Math.round(breach.lateByMinutes),
        Math.round(breach.lateByWorkingMinutes),
      ]);
    }
    if (page.length < SLA_BREACHES_MAX_PAGE) return;
  }
}

/** `slaReport(from, to, departmentId, priority, categoryId)`: its figure tables and missed deadlines. */
export const slaReportSource: ExportSource<SlaReportArgs> = {
  name: 'slaReport',
  fileStem: { EN: 'sla-report', ZH: 'SLA报表' },
  parse(json) {
    const params = json as Record<string, unknown>;
    return {
      from: dateOf(params.from) ?? new Date(Number.NaN),
      to: dateOf(params.to) ?? new Date(Number.NaN),
      departmentId: (params.departmentId as string | null) ?? null,
      priority: (params.priority as TicketPriority | null) ?? null,
      categoryId: (params.categoryId as string | null) ?? null,
    };
  },
  async count(ctx, params) {
    const report = await computeSlaReport(ctx, params);
    return (
      1 +
      report.byPriority.length +
      report.byDepartment.length +
      report.byCategory.length +
      report.overall.acceptMissed +
      report.overall.resolveMissed
    );
  },
  async sheets(ctx, params) {
    const [report, names] = await Promise.all([computeSlaReport(ctx, params), loadNames(ctx.db)]);
    return [
      {
        name: { EN: 'By priority', ZH: '按优先级' },
        columns: [column('Priority', '优先级', 'text'), ...FIGURE_COLUMNS],
        batches: oneBatch([
          ['ALL', ...figures(report.overall)],
          ...report.byPriority.map((row) => [row.priority, ...figures(row)]),
        ]),
      },
      {
        name: { EN: 'By department', ZH: '按单位' },
        columns: [column('Department', '单位', 'text', 24), ...FIGURE_COLUMNS],
        batches: oneBatch(
          report.byDepartment.map((row) => [names.department(row.departmentId), ...figures(row)]),
        ),
      },
      {
        name: { EN: 'By category', ZH: '按分类' },
        columns: [column('Category', '分类', 'text', 24), ...FIGURE_COLUMNS],
        batches: oneBatch(report.byCategory.map((row) => [names.category(row.categoryId), ...figures(row)])),
      },
      {
        name: { EN: 'Missed deadlines', ZH: '超时明细' },
        columns: [
          column('Ticket', '工单', 'text', 18),
          column('Priority', '优先级', 'text'),
          column('Deadline', '时限', 'text'),
          column('Due at (UTC)', '时限(UTC)', 'text', 24),
          column('Met at (UTC)', '完成时间(UTC)', 'text', 24),
          column('Department', '单位', 'text', 24),
          column('Cause', '原因', 'text', 20),
          column('Minutes late', '超时(分)'),
          column('Working minutes late', '超时工作时间(分)'),
        ],
        batches: breachRows(ctx, report.scope, names),
      },
    ];
  },
};
