import { type Role, users } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { eq } from 'drizzle-orm';
import { ShortLivedCache } from '../shared-cache.js';

/** What a session token is checked against on every request. */
export interface SessionState {
  active: boolean;
  sessionVersion: number;
  role: Role;
  departmentId: string | null;
}

/**
 * How long another API process may still accept a session this one has ended (deactivation, role,
 * department or password change): the process that made the change forgets its copy at once.
 */
const SESSION_CACHE_TTL_MS = 2_000;

// A user that does not exist (deleted, or another database) is a session that never matches.
const missing: SessionState = { active: false, sessionVersion: -1, role: 'AGENT', departmentId: null };

const states = new ShortLivedCache<SessionState>(SESSION_CACHE_TTL_MS);

/** The user's current session state, read at most once per `SESSION_CACHE_TTL_MS` per process. */
export function sessionState(db: Db, userId: string): Promise<SessionState> {
  return states.get(userId, async () => {
    const [row] = await db
      .select({
        active: users.active,
        sessionVersion: users.sessionVersion,
        role: users.role,
        departmentId: users.departmentId,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? missing;
  });
}

/** Call after a change to the user has committed: this process checks the next request exactly. */
export function forgetSessionState(userId: string): void {
  states.delete(userId);
}
