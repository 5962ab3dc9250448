import { randomBytes } from 'node:crypto';
import type { TestHotline } from './hotline.js';

const unique = () => randomBytes(4).toString('hex');

export interface Made {
  id: string;
}

/** A department; overrides go straight into DepartmentInput. */
export async function makeDepartment(
  app: TestHotline,
  overrides: Record<string, unknown> = {},
): Promise<Made & { code: string }> {
  const code = `DEPT_${unique()}`;
  const data = await app.ok<{ createDepartment: { id: string; code: string } }>(
    'mutation($input: DepartmentInput!) { createDepartment(input: $input) { id code } }',
    { input: { code, name: `部门 ${code}`, kind: 'BUREAU', ...overrides } },
    app.adminToken,
  );
  return data.createDepartment;
}

/** A user of a role, signed in: returns its id and token. */
export async function makeUser(
  app: TestHotline,
  role: string,
  departmentId: string | null = null,
): Promise<Made & { token: string; email: string }> {
  const email = `${role.toLowerCase()}-${unique()}@test.local`;
  const password = 'password-1234';
  const data = await app.ok<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, name: `${role} ${email}`, password, role, departmentId } },
    app.adminToken,
  );
  return { id: data.createUser.id, email, token: await app.login(email, password) };
}

export const TICKET_FIELDS = `id number status version priority department { id } assignee { id } closeReason
  caller { name phone } sla { acceptDueAt dueAt paused breached escalationLevel }`;

export interface TicketView {
  id: string;
  number: string;
  status: string;
  version: number;
  priority: string;
  department: { id: string } | null;
  assignee: { id: string } | null;
  closeReason: string | null;
  caller: { name: string | null; phone: string | null };
  sla: {
    acceptDueAt: string | null;
    dueAt: string | null;
    paused: boolean;
    breached: boolean;
    escalationLevel: number;
  };
}

/** A NEW ticket (no auto-dispatch unless asked); overrides go into CreateTicketInput. */
export async function makeTicket(
  app: TestHotline,
  overrides: Record<string, unknown> = {},
  token = app.adminToken,
): Promise<TicketView> {
  const data = await app.ok<{ createTicket: TicketView }>(
    `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`,
    {
      input: {
        title: '小区路灯不亮',
        description: '幸福小区3号楼前的路灯已经坏了一周，晚上出行不便。',
        demandType: 'HELP_REQUEST',
        callerName: '张先生',
        callerPhone: '13812345678',
        autoDispatch: false,
        ...overrides,
      },
    },
    token,
  );
  return data.createTicket;
}
