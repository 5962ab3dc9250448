import type { TicketRow } from '@hotline/schema';
import { type Db, queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import { systemViewer } from '../../auth/viewer.js';
import type { Clock } from '../../clock.js';
import { appendEventsOfMany } from '../tickets/ticket-events.writer.js';
import { selectTicketRows } from '../tickets/ticket-rows.js';

/** Options of followIncidents. */
export interface FollowOptions {
  /** Children resolved per transaction. Default 100. */
  batchSize?: number;
  /** Stops after this many batches (the next run goes on). Default 50. */
  maxBatches?: number;
}

/**
 * The callers (LINKED children) of incidents resolved since: each follows its parent, in batches of
 * `batchSize` per transaction, so an incident with hundreds of callers never makes one long resolve.
 * A child becomes RESOLVED with the parent's reply and writes its own RESOLVED event and outbox row, which
 * give its caller the resolution notification and a satisfaction link like any resolution. The state is
 * the work list (a LINKED child of a resolved parent), claimed with FOR UPDATE SKIP LOCKED: any number of
 * workers may run this at once, a rerun or a retry after a crash finds only what is left, and each child
 * follows exactly once. A parent closed right after its resolution still counts as resolved.
 */
export async function followIncidents(
  db: Db,
  clock: Clock,
  options: FollowOptions = {},
): Promise<{ followed: number; pending: boolean }> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 50;
  let followed = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await followBatch(db, clock.now(), batchSize);
    followed += count;
    if (count < batchSize) return { followed, pending: false };
  }
  return { followed, pending: true };
}

async function followBatch(db: Db, now: Date, batchSize: number): Promise<number> {
  return db.transaction(async (tx) => {
    // The partial index over waiting children (no resolution, not closed) keeps this cheap however many
    // tickets were ever linked.
    const children = await selectTicketRows(
      tx,
      sql`join tickets parent on parent.id = tickets.incident_id
        where tickets.incident_id is not null and tickets.resolved_at is null and tickets.closed_at is null
          and tickets.status = 'LINKED'
          and parent.resolved_at is not null and parent.status in ('RESOLVED', 'CLOSED')
        order by tickets.id
        limit ${batchSize}
        for update of tickets skip locked`,
    );
    if (children.length === 0) return 0;
    const ids = children.map((child) => child.id);
    const parents = await queryRows<{ id: string; number: string; reply: string | null }>(
      tx,
      sql`select id, number, reply from tickets where id in (
        select distinct incident_id from tickets where id = any(${`{${ids.join(',')}}`}::uuid[]))`,
    );
    const parentOf = new Map(parents.map((parent) => [parent.id, parent]));
    const followedRows: TicketRow[] = children.map((child) => ({
      ...child,
      status: 'RESOLVED',
      reply: parentOf.get(child.incidentId!)?.reply ?? null,
      resolvedAt: now,
      version: child.version + 1,
      updatedAt: now,
    }));
    const update = sql`update tickets set status = 'RESOLVED', reply = parent.reply, resolved_at = ${now.toISOString()}::timestamptz,
        version = tickets.version + 1, updated_at = ${now.toISOString()}::timestamptz
      from tickets parent
      where parent.id = tickets.incident_id and tickets.id = any(${`{${ids.join(',')}}`}::uuid[])`;
    await appendEventsOfMany(
      tx,
      followedRows.map((ticket) => ({
        ticket,
        events: [
          {
            type: 'RESOLVED' as const,
            fromStatus: 'LINKED' as const,
            toStatus: 'RESOLVED' as const,
            note: `with incident ${parentOf.get(ticket.incidentId!)?.number ?? ''}`.trim(),
          },
        ],
      })),
      systemViewer,
      now,
      update,
    );
    return children.length;
  });
}
