import { type TicketRow, tickets } from '@hotline/schema';
import { queryRows, type Tx } from '@hotline/schema/client';
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** Every column but the generated search text and geo key, which only feed their indexes. */
const { searchText: _searchText, geoKey: _geoKey, ...columns } = getTableColumns(tickets);
export const ticketColumns = columns;

// Every change reads and writes a whole ticket. drizzle rebuilds the 45-column select list and maps
// each cell through its entity checks on every call (a tenth of a millisecond of CPU each time),
// which made query building the largest cost of a ticket change. The list is built once here.
const fields = Object.entries(columns).map(([key, column]) => ({
  key,
  column,
  name: column.keyAsName ? toSnakeCase(column.name) : column.name,
}));
const selectList = sql.raw(fields.map(({ name }) => `"tickets"."${name}"`).join(', '));

function decodeTicket(row: Record<string, unknown>): TicketRow {
  const ticket: Record<string, unknown> = {};
  for (const { key, column, name } of fields) {
    const value = row[name];
    ticket[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return ticket as TicketRow;
}

/** `select <every ticket column> from tickets <rest>`: `rest` holds the where clause and what follows. */
export async function selectTicketRows(tx: Tx, rest: SQL): Promise<TicketRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select ${selectList} from ${tickets} ${rest}`,
  );
  return rows.map(decodeTicket);
}

/**
 * The ticket as an update of `set` leaves it, without reading it back: every value in `set` is a
 * plain value written as is. Returns null when one is an SQL expression (read the row back then).
 */
export function ticketAfter(
  ticket: TicketRow,
  set: Partial<Record<keyof TicketRow, unknown>>,
): TicketRow | null {
  const after: Record<string, unknown> = { ...ticket };
  for (const [key, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (is(value, SQL)) return null;
    // PostgreSQL stores a uuid in lower case whatever case it was sent in.
    const uuid = columns[key as keyof typeof columns]?.columnType === 'PgUUID' && typeof value === 'string';
    after[key] = uuid ? value.toLowerCase() : value;
  }
  return after as TicketRow;
}
