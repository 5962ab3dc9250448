import { type TicketRow, tickets } from '@hotline/schema';
import { queryRows, type Tx } from '@hotline/schema/client';
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** Every column but the generated search text and geo key, which only feed their indexes. */
const { searchText: _searchText, geoKey: _geoKey, ...columns } = getTableColumns(tickets);
export const ticketColumns = columns;

type Column = (typeof columns)[keyof typeof columns];
type ColumnKey = keyof typeof columns;

/**
 * The columns a read may ask for instead of the whole row. `summary` is always read: a work list's row
 * (identity, state, routing, the SLA figures, the sort keys and whose phone may be read).
 */
const COLUMN_GROUPS = {
  summary: [
    'id',
    'number',
    'status',
    'priority',
    'demandType',
    'channel',
    'title',
    'version',
    'createdAt',
    'updatedAt',
    'categoryId',
    'areaId',
    'departmentId',
    'assigneeId',
    'slaPolicyId',
    'acceptDueAt',
    'dueAt',
    'pausedAt',
    'breachedAt',
    'escalationLevel',
    'returnCount',
    'needsManager',
    'openCoHandlerIds',
  ],
  text: ['description', 'address', 'externalRef', 'reply', 'closeReason', 'mediaUrl'],
  caller: ['callerName', 'callerPhone'],
  feedback: ['satisfaction', 'feedbackComment', 'feedbackAt', 'feedbackChannel'],
  location: ['latitude', 'longitude'],
} as const satisfies Record<string, readonly ColumnKey[]>;

type ColumnGroup = keyof typeof COLUMN_GROUPS;

/**
 * What each field of the GraphQL `Ticket` reads from the row, beyond `summary`. A field not listed here
 * (one another module adds, `allowedActions`, ...) reads the whole row.
 */
const FIELD_GROUPS: Record<string, readonly ColumnGroup[]> = {
  __typename: [],
  id: [],
  number: [],
  status: [],
  priority: [],
  demandType: [],
  channel: [],
  title: [],
  version: [],
  createdAt: [],
  updatedAt: [],
  category: [],
  area: [],
  department: [],
  assignee: [],
  sla: [],
  returnCount: [],
  needsManager: [],
  events: [],
  description: ['text'],
  address: ['text'],
  externalRef: ['text'],
  reply: ['text'],
  closeReason: ['text'],
  mediaUrl: ['text'],
  caller: ['caller'],
  feedback: ['feedback'],
  location: ['location'],
};

/** A select list and its decoder: every column, or the groups a query's fields need. */
export interface TicketColumns {
  readonly keys: ReadonlySet<ColumnKey> | 'all';
  readonly list: SQL;
  readonly fields: readonly { key: string; column: Column; name: string }[];
}

const columnName = (column: Column) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

// Every change reads and writes a whole ticket. drizzle rebuilds the 45-column select list and maps
// each cell through its entity checks on every call (a tenth of a millisecond of CPU each time),
// which made query building the largest cost of a ticket change. The lists are built once here.
function buildColumns(keys: ReadonlySet<ColumnKey> | 'all'): TicketColumns {
  const fields = Object.entries(columns)
    .filter(([key]) => keys === 'all' || keys.has(key as ColumnKey))
    .map(([key, column]) => ({ key, column, name: columnName(column) }));
  const list = sql.raw(fields.map(({ name }) => `"tickets"."${name}"`).join(', '));
  return { keys, list, fields };
}

export const ALL_TICKET_COLUMNS = buildColumns('all');
const byGroups = new Map<string, TicketColumns>();

/**
 * The columns that resolving these `Ticket` fields reads: the groups they name, or every column when
 * one of them is not mapped (or no selection is known).
 */
export function ticketColumnsFor(fieldNames: Iterable<string> | null): TicketColumns {
  if (!fieldNames) return ALL_TICKET_COLUMNS;
  const groups = new Set<ColumnGroup>(['summary']);
  for (const name of fieldNames) {
    const needs = FIELD_GROUPS[name];
    if (!needs) return ALL_TICKET_COLUMNS;
    for (const group of needs) groups.add(group);
  }
  const key = [...groups].sort().join(',');
  let found = byGroups.get(key);
  if (!found) {
    found = buildColumns(new Set([...groups].flatMap((group) => COLUMN_GROUPS[group])));
    byGroups.set(key, found);
  }
  return found;
}

/**
 * Outside production a partial row throws when code reads a column it did not select, so a field
 * mapped to too few groups fails every test that selects it instead of answering null.
 */
const checkPartialRows = process.env.NODE_ENV !== 'production';

function guardPartial(ticket: Record<string, unknown>, keys: ReadonlySet<ColumnKey>): TicketRow {
  return new Proxy(ticket, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in columns && !keys.has(property as ColumnKey)) {
        throw new Error(
          `ticket column ${property} was not selected by this read (ticket-rows.ts FIELD_GROUPS)`,
        );
      }
      return Reflect.get(target, property, receiver);
    },
  }) as TicketRow;
}

function decoder({ keys, fields }: TicketColumns) {
  return (row: Record<string, unknown>): TicketRow => {
    const ticket: Record<string, unknown> = {};
    for (const { key, column, name } of fields) {
      const value = row[name];
      ticket[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return keys !== 'all' && checkPartialRows ? guardPartial(ticket, keys) : (ticket as TicketRow);
  };
}

/**
 * `select <columns> from tickets <rest>`: `rest` holds the where clause and what follows. A partial
 * read (`ticketColumnsFor`) answers rows holding only those columns, typed as whole rows: pass them
 * only to the GraphQL fields they were selected for.
 */
export async function selectTicketRows(
  tx: Tx,
  rest: SQL,
  selected: TicketColumns = ALL_TICKET_COLUMNS,
): Promise<TicketRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select ${selected.list} from ${tickets} ${rest}`,
  );
  return rows.map(decoder(selected));
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
