import { type TicketRow, tickets } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { queryRows } from '@hotline/schema/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { scopedDepartment, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { OPEN_STATUSES } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { changeTicket } from '../tickets/change-ticket.js';
import { visibleTickets } from '../tickets/ticket-access.js';
import { appendEvents } from '../tickets/ticket-events.writer.js';
import { getTicket } from '../tickets/tickets.query.js';

/** Trigram similarity (0..1) of titles or descriptions from which texts count as alike. */
export const SIMILARITY_THRESHOLD = 0.3;
const WINDOW = '30 days';
const MAX_CANDIDATES = 10;

export interface DuplicateCandidate {
  ticket: TicketRow;
  sameCaller: boolean;
  similarity: number;
}

/**
 * Likely duplicates of each open ticket, in one round trip for the whole batch: tickets created
 * within 30 days either side from the same caller phone, or in the same area with a similar title
 * or description. Tickets already merged away are left out; so is what the viewer may not see.
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
  const pairs = await queryRows<{ source_id: string; id: string; same_caller: boolean; similarity: number }>(
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
        where src.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and src.status in (${sql.join(
            OPEN_STATUSES.map((status) => sql`${status}`),
            sql`, `,
          )})
          and ${visible}
      ) ranked
      where rank <= ${MAX_CANDIDATES}
      order by source_id, rank`,
  );
  if (pairs.length === 0) return found;
  const rows = await db
    .select()
    .from(tickets)
    .where(inArray(tickets.id, [...new Set(pairs.map((pair) => pair.id))]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const pair of pairs) {
    const ticket = byId.get(pair.id);
    if (!ticket) continue;
    found
      .get(pair.source_id)
      ?.push({ ticket, sameCaller: pair.same_caller, similarity: Number(pair.similarity) });
  }
  return found;
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
