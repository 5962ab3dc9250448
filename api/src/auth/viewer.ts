import type { Role } from '@hotline/schema';
import { AppError } from '../errors/app-error.js';

/** Who is asking: a staff user, an API client, or the system (workers). */
export interface Viewer {
  kind: 'user' | 'client' | 'system' | 'anonymous';
  /** User or API client id; null for the system and anonymous. */
  id: string | null;
  role: Role | null;
  departmentId: string | null;
}

export const anonymousViewer: Viewer = { kind: 'anonymous', id: null, role: null, departmentId: null };
export const systemViewer: Viewer = { kind: 'system', id: null, role: 'ADMIN', departmentId: null };

/** Fails unless the viewer is signed in with one of the roles. */
export function requireRole(
  viewer: Viewer,
  roles: readonly Role[],
): asserts viewer is Viewer & { role: Role } {
  if (viewer.kind === 'anonymous' || !viewer.role) {
    throw new AppError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token or API key>');
  }
  if (!roles.includes(viewer.role)) {
    throw new AppError('FORBIDDEN', `This needs one of the roles ${roles.join(', ')}`);
  }
}

export function requireSignedIn(viewer: Viewer): asserts viewer is Viewer & { role: Role } {
  requireRole(viewer, ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION']);
}

/** The department a viewer is confined to, or null when it sees every ticket. */
export function scopedDepartment(viewer: Viewer): string | null | 'none' {
  if (viewer.role === 'HANDLER' || viewer.role === 'INTEGRATION') return viewer.departmentId ?? 'none';
  return null;
}
