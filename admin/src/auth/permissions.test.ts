import { describe, expect, it } from 'vitest';
import { canRoleAccess } from './permissions';

// What a viewer may do with a ticket is the server's answer (Ticket.allowedActions): see TicketActionBar.test.tsx.

describe('canRoleAccess', () => {
  it('keeps configuration to managers and administration to admins', () => {
    expect(canRoleAccess('MANAGER', 'routing-rules', 'list')).toBe(true);
    expect(canRoleAccess('AGENT', 'routing-rules', 'list')).toBe(false);
    expect(canRoleAccess('MANAGER', 'api-clients', 'list')).toBe(false);
    expect(canRoleAccess('ADMIN', 'webhooks', 'create')).toBe(true);
    expect(canRoleAccess('HANDLER', 'tickets', 'list')).toBe(true);
    expect(canRoleAccess('HANDLER', 'tickets', 'create')).toBe(false);
  });

  it('keeps the ranking to the centre; a handler reaches its own department page and its exports', () => {
    expect(canRoleAccess('MANAGER', 'ranking', 'list')).toBe(true);
    expect(canRoleAccess('HANDLER', 'ranking', 'list')).toBe(false);
    expect(canRoleAccess('AGENT', 'department-scorecard', 'show')).toBe(false);
    expect(canRoleAccess('HANDLER', 'department-scorecard', 'show')).toBe(true);
    expect(canRoleAccess('HANDLER', 'exports', 'list')).toBe(true);
  });
});
