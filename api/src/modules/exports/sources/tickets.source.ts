import type { TicketPriority, TicketStatus } from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../../auth/viewer.js';
import { maskPhone, mayReadPersonalData } from '../../tickets/ticket-access.js';
import { type ListTicketsArgs, type TicketFilter, ticketListQuery } from '../../tickets/tickets.query.js';
import { dateOf, type ExportColumn, type ExportSource } from '../export-source.js';
import { readBatches } from '../read-batches.js';

export type TicketExportParams = Pick<ListTicketsArgs, 'filter' | 'orderBy'>;

/** Rows per cursor fetch: large enough that the round trips vanish, small enough to bound memory. */
export const TICKET_BATCH = 5_000;

const time = (name: string) =>
  sql.raw(
    `to_char(tickets.${name} at time zone (select timezone from business_calendar where id = 1), 'YYYY-MM-DD HH24:MI:SS')`,
  );

const text = (en: string, zh: string, width = 14): ExportColumn => ({ header: { EN: en, ZH: zh }, width });
const at = (en: string, zh: string): ExportColumn => ({
  header: { EN: en, ZH: zh },
  kind: 'time',
  width: 20,
});

const COLUMNS: ExportColumn[] = [
  text('Number', '工单编号', 16),
  text('Status', '状态', 12),
  text('Priority', '优先级', 10),
  text('Demand type', '诉求类型', 14),
  text('Channel', '来源渠道', 10),
  text('Title', '标题', 30),
  text('Description', '诉求内容', 50),
  text('Category', '分类', 16),
  text('Area', '区域', 16),
  text('Address', '地址', 30),
  text('Caller', '来电人', 10),
  text('Caller phone', '来电号码', 14),
  text('Department', '承办单位', 20),
  text('Assignee', '承办人', 10),
  at('Created at', '受理时间'),
  at('Accept due at', '签收时限'),
  at('Due at', '办结时限'),
  at('Accepted at', '签收时间'),
  at('Resolved at', '办结时间'),
  at('Closed at', '关闭时间'),
  text('Close reason', '关闭原因', 14),
  { header: { EN: 'Escalation level', ZH: '升级级别' }, kind: 'number', width: 8 },
  text('Satisfaction', '满意度', 12),
  text('External ref', '外部编号', 16),
];
const PHONE = 11;

/** One statement: the ticket list's own condition and order, names joined in, times formatted. */
function ticketRowsQuery(viewer: Viewer, params: TicketExportParams, now: Date) {
  const list = ticketListQuery(viewer, params, now);
  return sql`select tickets.number, tickets.status, tickets.priority, tickets.demand_type, tickets.channel,
      tickets.title, tickets.description, c.name, a.name, tickets.address, tickets.caller_name,
      tickets.caller_phone, d.name, u.name, ${time('created_at')}, ${time('accept_due_at')},
      ${time('due_at')}, ${time('accepted_at')}, ${time('resolved_at')}, ${time('closed_at')},
      tickets.close_reason, tickets.escalation_level, tickets.satisfaction, tickets.external_ref,
      tickets.department_id, array_to_string(tickets.open_co_handler_ids, ',')
    from tickets
      left join categories c on c.id = tickets.category_id
      left join areas a on a.id = tickets.area_id
      left join departments d on d.id = tickets.department_id
      left join users u on u.id = tickets.assignee_id
    where ${list.where}
    order by ${list.orderBy}`;
}

/**
 * Masks each phone exactly as `Ticket.caller.phone` shows it to this viewer, then drops the department id
 * and the open co-handlers.
 */
export function maskRows(viewer: Viewer, rows: unknown[][]): unknown[][] {
  for (const row of rows) {
    const coHandlers = row.pop() as string | null;
    const departmentId = row.pop() as string | null;
    const openCoHandlerIds = coHandlers ? coHandlers.split(',') : [];
    const phone = row[PHONE] as string | null;
    if (phone && !mayReadPersonalData(viewer, { departmentId, openCoHandlerIds }))
      row[PHONE] = maskPhone(phone);
  }
  return rows;
}

async function* maskedBatches(viewer: Viewer, batches: AsyncIterable<unknown[][]>) {
  for await (const rows of batches) yield maskRows(viewer, rows);
}

function parseFilter(json: Record<string, unknown> | null | undefined): TicketFilter | null {
  if (!json) return null;
  return {
    ...(json as TicketFilter),
    status: (json.status as TicketStatus[] | null) ?? null,
    priority: (json.priority as TicketPriority[] | null) ?? null,
    createdAfter: dateOf(json.createdAfter),
    createdBefore: dateOf(json.createdBefore),
  };
}

/** A ticket list: the rows `tickets(filter, orderBy)` pages through, every one of them. */
export const ticketsSource: ExportSource<TicketExportParams> = {
  name: 'tickets',
  fileStem: { EN: 'tickets', ZH: '工单' },
  parse(json) {
    const params = (json ?? {}) as {
      filter?: Record<string, unknown> | null;
      orderBy?: TicketExportParams['orderBy'];
    };
    return { filter: parseFilter(params.filter), orderBy: params.orderBy ?? null };
  },
  async count(ctx, params) {
    const list = ticketListQuery(ctx.viewer, params, ctx.clock.now());
    const [row] = await queryRows<{ count: number }>(
      ctx.db,
      sql`select count(*)::int as count from tickets where ${list.where}`,
    );
    return row?.count ?? 0;
  },
  async sheets(ctx, params) {
    const query = ticketRowsQuery(ctx.viewer, params, ctx.clock.now());
    return [
      {
        name: { EN: 'Tickets', ZH: '工单' },
        columns: COLUMNS,
        batches: maskedBatches(ctx.viewer, readBatches(ctx.readDb ?? ctx.db, query, TICKET_BATCH)),
      },
    ];
  },
};

export { ticketRowsQuery };
