import type { Role } from '../graphql/enums';

type Access = 'list' | 'show' | 'create' | 'edit' | 'delete' | string;

const STAFF: Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION'];
const CONFIGURERS: Role[] = ['ADMIN', 'MANAGER'];

/** Which roles may do what on each resource; `*` stands for any action not listed. */
const RESOURCE_ACCESS: Record<string, Record<Access, Role[]>> = {
  tickets: {
    list: STAFF,
    show: STAFF,
    create: ['ADMIN', 'MANAGER', 'AGENT', 'INTEGRATION'],
    '*': CONFIGURERS,
  },
  dashboard: { '*': ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'] },
  /** A HANDLER sees its own department's figures. */
  'sla-report': { '*': ['ADMIN', 'MANAGER', 'HANDLER'] },
  /** Everyone reads the knowledge base; managers and the owning department's handlers edit it. */
  'knowledge-articles': { list: STAFF, show: STAFF, '*': ['ADMIN', 'MANAGER', 'HANDLER'] },
  /** Replies the centre (managers) and each department (handlers) keep; agents use them. */
  'canned-replies': { list: ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'], '*': ['ADMIN', 'MANAGER', 'HANDLER'] },
  'return-review': { '*': ['ADMIN', 'MANAGER'] },
  /** The centre's ranking of departments and its weights. */
  ranking: { '*': ['ADMIN', 'MANAGER'] },
  /** One department's scorecard: a HANDLER sees its own department's. */
  'department-scorecard': { '*': ['ADMIN', 'MANAGER', 'HANDLER'] },
  /** Everyone who may export lists its own exports. */
  exports: { '*': ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'] },
  'routing-rules': { '*': CONFIGURERS },
  'sla-policies': { '*': CONFIGURERS },
  calendar: { '*': CONFIGURERS },
  audit: { '*': CONFIGURERS },
  'notification-templates': { '*': CONFIGURERS },
  departments: { list: STAFF, show: STAFF, '*': CONFIGURERS },
  categories: { '*': STAFF },
  areas: { '*': STAFF },
  users: { '*': ['ADMIN'] },
  'api-clients': { '*': ['ADMIN'] },
  webhooks: { '*': ['ADMIN'] },
};

export function canRoleAccess(role: Role | undefined, resource: string, action: Access): boolean {
  if (!role) return false;
  const rules = RESOURCE_ACCESS[resource];
  if (!rules) return role === 'ADMIN';
  return (rules[action] ?? rules['*'] ?? []).includes(role);
}
