import { departments } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { eq } from 'drizzle-orm';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';

export interface RequireDepartmentOptions {
  /**
   * Refuse an inactive department too: for what sends it work (dispatch, reassignment, routing rules).
   * Default false: users and API clients may still belong to one.
   */
  active?: boolean;
}

/** BAD_USER_INPUT on `departmentId` unless the department exists (and is active, when asked). */
export async function requireDepartment(
  tx: Tx,
  departmentId: string,
  options: RequireDepartmentOptions = {},
): Promise<void> {
  const [row] = isUuid(departmentId)
    ? await tx
        .select({ active: departments.active })
        .from(departments)
        .where(eq(departments.id, departmentId))
    : [];
  if (!row) throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  if (options.active && !row.active) throw badInput('That department is inactive', 'departmentId');
}
