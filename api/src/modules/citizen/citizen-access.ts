import { type CallerLanguage, citizenAccess, type TicketRow } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { checkText } from '../../domain/text-limits.js';
import { badInput } from '../../errors/app-error.js';
import { encryptSecret } from '../webhooks/webhook-secrets.js';
import { citizenKey, generateLookupCode, hashSecret } from './citizen-secrets.js';

/** Deliberately loose (one @, a dot after it, no spaces): the SMTP server has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkCallerEmail(email: string | null | undefined): string | null {
  const text = checkText('email', email, { optional: true, label: 'callerEmail' });
  if (!text) return null;
  if (!EMAIL.test(text)) throw badInput('callerEmail is not an e-mail address', 'callerEmail');
  return text;
}

/**
 * Issues the caller's lookup code in the intake transaction and returns it in clear, the only time it
 * exists so: PostgreSQL keeps its HMAC, and (encrypted, until the intake notification is planned) the
 * code itself when the caller can be notified.
 */
export async function issueCitizenAccess(
  tx: Tx,
  serverKey: Buffer,
  ticket: TicketRow,
  contact: { email: string | null; language: CallerLanguage },
): Promise<string> {
  const code = generateLookupCode();
  const notifiable = Boolean(ticket.callerPhone || contact.email);
  await tx.insert(citizenAccess).values({
    ticketId: ticket.id,
    lookupHash: hashSecret(citizenKey(serverKey), code),
    email: contact.email,
    language: contact.language,
    sealedCode: notifiable ? encryptSecret(serverKey, code) : null,
  });
  return code;
}
