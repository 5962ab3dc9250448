import { type CloseReason, citizenAccess, departments, type TicketStatus, tickets } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { eq, sql } from 'drizzle-orm';
import type { AttachmentSettings } from '../attachments/attachment-settings.js';
import { type PublicPhoto, publicPhotos } from '../attachments/attachments.service.js';
import { listPublicNotes } from '../notes/notes.service.js';
import { citizenKey, secretMatches } from './citizen-secrets.js';

/** What a caller is told of the progress: four stages, not the internal states (held, returned...). */
export type PublicStage = 'RECEIVED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';

const STAGE: Record<TicketStatus, PublicStage> = {
  NEW: 'RECEIVED',
  DISPATCHED: 'RECEIVED',
  RETURNED: 'RECEIVED',
  // Handled as part of an incident (the burst pipe many called about): in progress, as the parent is.
  LINKED: 'IN_PROGRESS',
  IN_PROGRESS: 'IN_PROGRESS',
  ON_HOLD: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
};

/**
 * The status page's view of a ticket: progress, department, deadline, PUBLIC notes and photos and the
 * reply, nothing else (no caller data, no INTERNAL notes, no reasons, no assignee).
 */
export interface PublicTicketStatus {
  number: string;
  stage: PublicStage;
  department: string | null;
  dueAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  closeReason: CloseReason | null;
  /** The department's answer, once resolved. */
  reply: string | null;
  /** Notes staff wrote for the caller (PUBLIC), oldest first; never an INTERNAL one. */
  notes: { at: string; body: string }[];
  /** PUBLIC photos (thumbnail and copy without EXIF/GPS, short-lived links); never an INTERNAL file. */
  photos: PublicPhoto[];
}

/** The department a caller hears of: the ticket's own, or for a caller of an incident, the parent's. */
const answeringDepartment = sql`coalesce(${tickets.departmentId}, (select parent.department_id from tickets parent where parent.id = ${tickets.incidentId}))`;

/** Compared against when no ticket has the number, so a wrong number costs what a wrong code does. */
const NO_TICKET_HASH = '0'.repeat(64);

/**
 * A ticket by number and lookup code, or null: the same null, by the same path (an HMAC and a
 * constant-time comparison, one indexed read), whether the number or the code is wrong.
 */
export async function lookupTicketStatus(
  db: Db,
  serverKey: Buffer,
  number: string,
  code: string,
  /** Where photos are and how their links are signed; without it no photos are listed. */
  photos?: { settings: AttachmentSettings; now: Date },
): Promise<PublicTicketStatus | null> {
  const [row] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      status: tickets.status,
      department: departments.name,
      dueAt: tickets.dueAt,
      createdAt: tickets.createdAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
      closeReason: tickets.closeReason,
      reply: tickets.reply,
      lookupHash: citizenAccess.lookupHash,
    })
    .from(tickets)
    .innerJoin(citizenAccess, eq(citizenAccess.ticketId, tickets.id))
    .leftJoin(departments, eq(departments.id, answeringDepartment))
    .where(eq(tickets.number, number.trim().slice(0, 40)));
  const matches = secretMatches(citizenKey(serverKey), code, row?.lookupHash ?? NO_TICKET_HASH);
  if (!row || !matches) return null;
  const stage = STAGE[row.status];
  const answered = stage === 'RESOLVED' || stage === 'CLOSED';
  return {
    number: row.number,
    stage,
    department: row.department,
    dueAt: stage === 'RECEIVED' || stage === 'IN_PROGRESS' ? (row.dueAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: answered ? (row.resolvedAt?.toISOString() ?? null) : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    reply: answered ? row.reply : null,
    notes: (await listPublicNotes(db, row.id)).map((note) => ({
      at: note.at.toISOString(),
      body: note.body,
    })),
    photos: photos ? await publicPhotos(db, photos.settings, row.id, photos.now) : [],
  };
}
