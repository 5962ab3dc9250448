import { type NoteVisibility, ticketEvents } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { visibleEvents } from '../tickets/ticket-access.js';

export interface TicketNoteRow {
  id: number;
  ticketId: string;
  visibility: NoteVisibility;
  body: string;
  at: Date;
  /** A staff user; null when an API client wrote it. */
  authorId: string | null;
}

const noteColumns = {
  id: ticketEvents.id,
  ticketId: ticketEvents.ticketId,
  visibility: ticketEvents.visibility,
  body: ticketEvents.note,
  at: ticketEvents.at,
  authorId: ticketEvents.actorId,
};

async function selectNotes(db: Db, ticketId: string, condition: SQL | undefined): Promise<TicketNoteRow[]> {
  const rows = await db
    .select(noteColumns)
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'NOTE_ADDED'), condition))
    .orderBy(asc(ticketEvents.id));
  return rows.map((row) => ({ ...row, visibility: row.visibility ?? 'INTERNAL', body: row.body ?? '' }));
}

/**
 * A ticket's PUBLIC notes, oldest first: what the caller's side may read (citizen status page, Open311
 * status notes). The caller checks that the ticket itself may be shown.
 */
export function listPublicNotes(db: Db, ticketId: string): Promise<TicketNoteRow[]> {
  return selectNotes(db, ticketId, eq(ticketEvents.visibility, 'PUBLIC'));
}

/** A ticket's notes the viewer may read, oldest first (the ticket's visibility was checked by whoever loaded it). */
export function listNotes(ctx: ServiceContext, ticketId: string): Promise<TicketNoteRow[]> {
  return selectNotes(ctx.db, ticketId, visibleEvents(ctx.viewer));
}
