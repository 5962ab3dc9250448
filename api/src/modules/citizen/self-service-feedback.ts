import { citizenAccess, type Satisfaction, satisfactions, tickets } from '@hotline/schema';
import type { Db, Tx } from '@hotline/schema/client';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { recordFeedback } from '../tickets/record-feedback.js';
import { citizenKey, generateFeedbackToken, hashSecret } from './citizen-secrets.js';

/** How long a satisfaction link stays valid after the resolution it follows. */
export const FEEDBACK_LINK_TTL_MS = 7 * 24 * 3_600_000;

/** The citizen acting through a one-time link: the system, recorded with no actor. */
const citizenViewer = { kind: 'system', id: null, role: 'ADMIN', departmentId: null } as const;

const linkGone = () =>
  new AppError('NOT_FOUND', 'This link is not valid: it was used already, expired, or never existed');

/**
 * Issues a new satisfaction link for a ticket (replacing an earlier unused one) and returns its token
 * in clear, for the notification that carries it; PostgreSQL keeps its HMAC and expiry.
 */
export async function issueFeedbackToken(tx: Tx, serverKey: Buffer, ticketId: string, now: Date) {
  const token = generateFeedbackToken();
  await tx
    .update(citizenAccess)
    .set({
      feedbackTokenHash: hashSecret(citizenKey(serverKey), token),
      feedbackTokenExpiresAt: new Date(now.getTime() + FEEDBACK_LINK_TTL_MS),
      feedbackTokenUsedAt: null,
    })
    .where(eq(citizenAccess.ticketId, ticketId));
  return token;
}

function validToken(serverKey: Buffer, token: string, now: Date) {
  // The token is looked up by its HMAC: an index probe, no comparison whose time depends on the token.
  return and(
    eq(citizenAccess.feedbackTokenHash, hashSecret(citizenKey(serverKey), token.slice(0, 64))),
    isNull(citizenAccess.feedbackTokenUsedAt),
    gt(citizenAccess.feedbackTokenExpiresAt, now),
  );
}

/** What the satisfaction page shows before the caller answers; NOT_FOUND when the link is not usable. */
export async function readFeedbackLink(db: Db, clock: Clock, serverKey: Buffer, token: string) {
  const [row] = await db
    .select({ number: tickets.number, status: tickets.status, reply: tickets.reply })
    .from(citizenAccess)
    .innerJoin(tickets, eq(tickets.id, citizenAccess.ticketId))
    .where(validToken(serverKey, token, clock.now()));
  if (row?.status !== 'RESOLVED') throw linkGone();
  return { number: row.number, reply: row.reply };
}

/**
 * The caller's own verdict through the link: the same recordFeedback as the agent's callback (closes,
 * or reopens on DISSATISFIED), channel SELF_SERVICE, and the link consumed in that same transaction,
 * so a second use, or a race of two, records nothing.
 */
export async function submitSelfServiceFeedback(
  deps: { db: Db; clock: Clock; serverKey: Buffer },
  input: { token: string; satisfaction: string; comment?: string | null },
) {
  if (!satisfactions.includes(input.satisfaction as Satisfaction))
    throw badInput(`satisfaction must be one of ${satisfactions.join(', ')}`, 'satisfaction');
  const [link] = await deps.db
    .select({ ticketId: citizenAccess.ticketId })
    .from(citizenAccess)
    .where(validToken(deps.serverKey, input.token, deps.clock.now()));
  if (!link) throw linkGone();
  const ctx = { db: deps.db, clock: deps.clock, viewer: citizenViewer };
  const ticket = await recordFeedback(
    ctx,
    { id: link.ticketId, satisfaction: input.satisfaction as Satisfaction, comment: input.comment },
    {
      channel: 'SELF_SERVICE',
      within: async (tx, now) => {
        const used = await tx
          .update(citizenAccess)
          .set({ feedbackTokenUsedAt: now })
          .where(and(eq(citizenAccess.ticketId, link.ticketId), validToken(deps.serverKey, input.token, now)))
          .returning({ ticketId: citizenAccess.ticketId });
        if (used.length === 0) throw linkGone();
      },
    },
  ).catch((error: unknown) => {
    // A ticket no longer RESOLVED (an agent called back first) makes the link useless, not an error.
    if (error instanceof AppError && error.code === 'INVALID_TRANSITION') throw linkGone();
    throw error;
  });
  return { number: ticket.number, reopened: ticket.status === 'IN_PROGRESS' };
}
