import { apiClients } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import { sessionState } from './sessions.js';
import { API_KEY_PREFIX, hashApiKey, type TokenSigner } from './tokens.js';
import { anonymousViewer, type Viewer } from './viewer.js';

/**
 * Turns an Authorization header into a viewer. A bad, expired or revoked credential yields the
 * anonymous viewer: whatever it then asks for answers UNAUTHENTICATED, while `login` still works.
 * A session token counts only while its user is active and has the session version it was signed
 * with; role and department come from the user as it is now.
 */
export async function authenticate(db: Db, signer: TokenSigner, header: string | undefined): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const credential = match?.[1];
  if (!credential) return anonymousViewer;
  if (credential.startsWith(API_KEY_PREFIX)) {
    const [client] = await db
      .select({ id: apiClients.id, role: apiClients.role, departmentId: apiClients.departmentId })
      .from(apiClients)
      .where(and(eq(apiClients.keyHash, hashApiKey(credential)), eq(apiClients.active, true)));
    return client ? { kind: 'client', ...client } : anonymousViewer;
  }
  const claims = await signer.verify(credential);
  if (!claims) return anonymousViewer;
  const session = await sessionState(db, claims.userId);
  if (!session.active || session.sessionVersion !== claims.sessionVersion) return anonymousViewer;
  return { kind: 'user', id: claims.userId, role: session.role, departmentId: session.departmentId };
}
