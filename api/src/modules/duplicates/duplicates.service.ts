import { type TicketRow, tickets } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { queryRows } from '@hotline/schema/client';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { scopedDepartment, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { distanceMeters } from '../../domain/geo-distance.js';
import { checkText } from '../../domain/text-limits.js';
import { OPEN_STATUSES } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { refuseWhileCallersWait } from '../incidents/link-to-incident.js';
import { changeTicket } from '../tickets/change-ticket.js';
import { distanceFrom, nearPoint } from '../tickets/geo-conditions.js';
import { visibleTickets } from '../tickets/ticket-access.js';
import { appendEvents } from '../tickets/ticket-events.writer.js';
import { getTicket } from '../tickets/tickets.query.js';

/** Trigram similarity (0..1) of titles or descriptions from which texts count as alike. */
export const SIMILARITY_THRESHOLD = 0.3;
const WINDOW = '30 days';
const MAX_CANDIDATES = 10;
/** Same category, this close and this near in time: likely the same pothole, leak or noise source. */
export const NEARBY_METERS = 200;
const NEARBY_WINDOW = '7 days';

export interface DuplicateCandidate {
  ticket: TicketRow;
  sameCaller: boolean;
  similarity: number;
  /** Between the two tickets' points, when both have one. */
  distanceMeters: number | null;
}

interface Pair {
  source_id: string;
  id: string;
  same_caller: boolean;
  similarity: number;
}

const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const openStatuses = sql.join(
  OPEN_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * Likely duplicates of each open ticket: tickets created within 30 days either side from the same
 * caller phone, or in the same area with a similar title or description; and tickets of the same
 * category within 200 m created within 7 days either side. Tickets already merged away are left
 * out; so is what the viewer may not see. Three round trips for the whole batch, whatever its size.
 */
export async function findPossibleDuplicates(
  db: Db,
  viewer: Viewer,
  ticketIds: readonly string[],
): Promise<Map<string, DuplicateCandidate[]>> {
  const found = new Map<string, DuplicateCandidate[]>(ticketIds.map((id) => [id, []]));
  const ids = ticketIds.filter(isUuid);
  if (ids.length === 0) return found;
  const visible = visibleTickets(viewer) ?? sql`true`;
  const pairs = [...(await alikePairs(db, visible, ids)), ...(await nearbyPairs(db, visible, ids))];
  if (pairs.length === 0) return found;
  const rows = await db
    .select()
    .from(tickets)
    .where(inArray(tickets.id, [...new Set([...pairs.map((pair) => pair.id), ...ids])]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const seen = new Set<string>();
  for (const pair of pairs) {
    const ticket = byId.get(pair.id);
    const source = byId.get(pair.source_id);
    const key = `${pair.source_id} ${pair.id}`;
    if (!ticket || !source || seen.has(key)) continue;
    seen.add(key);
    found.get(pair.source_id)?.push({
      ticket,
      sameCaller: pair.same_caller,
      similarity: Number(pair.similarity),
      distanceMeters: distanceBetween(source, ticket),
    });
  }
  for (const candidates of found.values()) {
    candidates.sort(byLikelihood);
    candidates.splice(MAX_CANDIDATES);
  }
  return found;
}

/** Same caller first, then nearby (same category within 200 m, the closest first), then similar text. */
function byLikelihood(a: DuplicateCandidate, b: DuplicateCandidate): number {
  if (a.sameCaller !== b.sameCaller) return a.sameCaller ? -1 : 1;
  const near = (candidate: DuplicateCandidate) =>
    candidate.distanceMeters !== null && candidate.distanceMeters <= NEARBY_METERS
      ? candidate.distanceMeters
      : null;
  const nearA = near(a);
  const nearB = near(b);
  if (nearA !== null || nearB !== null) {
    if (nearA === null) return 1;
    if (nearB === null) return -1;
    if (nearA !== nearB) return nearA - nearB;
  }
  if (a.similarity !== b.similarity) return b.similarity - a.similarity;
  return b.ticket.createdAt.getTime() - a.ticket.createdAt.getTime();
}

function distanceBetween(a: TicketRow, b: TicketRow): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  return (
    Math.round(
      distanceMeters({ lat: a.latitude, lng: a.longitude }, { lat: b.latitude, lng: b.longitude }) * 10,
    ) / 10
  );
}

/** Same caller phone, or a similar text in the same area, within 30 days: the ten likeliest per ticket. */
function alikePairs(db: Db, visible: SQL, ids: string[]): Promise<Pair[]> {
  return queryRows<Pair>(
    db,
    sql`
      select source_id, id, same_caller, similarity from (
        select src.id as source_id, ${tickets.id} as id,
          coalesce(${tickets.callerPhone} = src.caller_phone, false) as same_caller,
          greatest(similarity(${tickets.title}, src.title), similarity(${tickets.description}, src.description))::float8 as similarity,
          row_number() over (
            partition by src.id
            order by coalesce(${tickets.callerPhone} = src.caller_phone, false) desc,
              greatest(similarity(${tickets.title}, src.title), similarity(${tickets.description}, src.description)) desc,
              ${tickets.createdAt} desc
          ) as rank
        from ${tickets} src
        join ${tickets} on ${tickets.id} <> src.id
          and ${tickets.createdAt} between src.created_at - ${WINDOW}::interval and src.created_at + ${WINDOW}::interval
          and ${tickets.duplicateOfId} is null
          and (
            (src.caller_phone is not null and ${tickets.callerPhone} = src.caller_phone)
            or (src.area_id is not null and ${tickets.areaId} = src.area_id and (
              similarity(${tickets.title}, src.title) >= ${SIMILARITY_THRESHOLD}
              or similarity(${tickets.description}, src.description) >= ${SIMILARITY_THRESHOLD}))
          )
        where src.id in (${idList(ids)})
          and src.status in (${openStatuses})
          and ${visible}
      ) ranked
      where rank <= ${MAX_CANDIDATES}
      order by source_id, rank`,
  );
}

/**
 * Same category within 200 m and 7 days either side, the ten closest per ticket. The sources' points
 * are read first so each circle is searched by its own geo key ranges (index range scans), not by
 * walking every ticket of the period.
 */
async function nearbyPairs(db: Db, visible: SQL, ids: string[]): Promise<Pair[]> {
  const sources = await queryRows<{ id: string; lat: number; lng: number }>(
    db,
    sql`select id, latitude::float8 as lat, longitude::float8 as lng from ${tickets}
      where id in (${idList(ids)}) and status in (${openStatuses})
        and latitude is not null and category_id is not null`,
  );
  if (sources.length === 0) return [];
  const searches = sources.map((source) => {
    const center = { lat: Number(source.lat), lng: Number(source.lng) };
    return sql`(
      select src.id as source_id, ${tickets.id} as id,
        coalesce(${tickets.callerPhone} = src.caller_phone, false) as same_caller,
        greatest(similarity(${tickets.title}, src.title), similarity(${tickets.description}, src.description))::float8 as similarity
      from ${tickets} src
      join ${tickets} on ${nearPoint(center, NEARBY_METERS)}
        and ${tickets.id} <> src.id
        and ${tickets.categoryId} = src.category_id
        and ${tickets.createdAt} between src.created_at - ${NEARBY_WINDOW}::interval and src.created_at + ${NEARBY_WINDOW}::interval
        and ${tickets.duplicateOfId} is null
        and ${visible}
      where src.id = ${source.id}::uuid
      order by ${distanceFrom(center)}
      limit ${MAX_CANDIDATES})`;
  });
  return queryRows<Pair>(db, sql.join(searches, sql` union all `));
}

/** The ticket this one was merged into, if the viewer may see it. */
export async function getDuplicateOf(ctx: LoaderContext, ticket: TicketRow): Promise<TicketRow | null> {
  if (!ticket.duplicateOfId) return null;
  // Scoped viewers may not see the original; everyone else reads it through the batching loader.
  return scopedDepartment(ctx.viewer) === null
    ? ctx.loaders.ticket.load(ticket.duplicateOfId)
    : getTicket(ctx, ticket.duplicateOfId);
}

/**
 * Closes ticket `id` as DUPLICATE of `intoId`: the duplicate gets MERGED and CLOSED events, the
 * ticket it repeats a MERGED event (and a new version), all in one transaction.
 */
export function mergeTicket(
  ctx: ServiceContext,
  input: { id: string; intoId: string; note?: string | null; expectedVersion?: number | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  if (input.id === input.intoId) throw badInput('A ticket cannot be merged into itself', 'intoId');
  return changeTicket(
    ctx,
    'merge',
    input.id,
    input.expectedVersion,
    async (ticket, tx, now) => {
      await refuseWhileCallersWait(tx, ticket);
      const [target] = isUuid(input.intoId)
        ? await tx
            .select()
            .from(tickets)
            .where(and(eq(tickets.id, input.intoId), visibleTickets(ctx.viewer)))
            .for('update')
        : [];
      if (!target) throw badInput(`Unknown ticket ${input.intoId}`, 'intoId');
      if (target.duplicateOfId) {
        throw new AppError(
          'BAD_USER_INPUT',
          `Ticket ${target.number} is itself a duplicate: merge into the original`,
          {
            field: 'intoId',
            originalId: target.duplicateOfId,
          },
        );
      }
      const [updated] = await tx
        .update(tickets)
        .set({ version: target.version + 1, updatedAt: now })
        .where(eq(tickets.id, target.id))
        .returning();
      const mergedNote = `merged ${ticket.number}${note ? `: ${note}` : ''}`;
      await appendEvents(tx, updated!, [{ type: 'MERGED', note: mergedNote }], ctx.viewer, now);
      return {
        set: {
          status: 'CLOSED',
          closeReason: 'DUPLICATE',
          closedAt: now,
          duplicateOfId: target.id,
          pausedAt: null,
          nextTimerAt: null,
        },
        events: [
          { type: 'MERGED', note: `into ${target.number}${note ? `: ${note}` : ''}` },
          { type: 'CLOSED', note: note ?? 'DUPLICATE' },
        ],
      };
    },
    { alsoLock: input.intoId },
  );
}
