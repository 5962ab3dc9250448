import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../graphql/enums';
import type { Ticket, TicketEvent, Viewer } from '../graphql/types';
import { allowedActions, canRoleAccess, closeReasonsFor } from './permissions';

const water = { id: 'd1', name: '市水务局' };
const handlerOf = (department: { id: string; name: string }): Viewer => ({
  role: 'HANDLER',
  department,
  user: null,
});
const role = (name: Viewer['role']): Viewer => ({ role: name, department: null, user: null });

function ticket(status: TicketStatus, events: Partial<TicketEvent>[] = []): Ticket {
  return {
    status,
    department: water,
    events: { nodes: events as TicketEvent[] },
  } as Ticket;
}

describe('allowedActions', () => {
  it('lets an agent dispatch or close a new ticket, nothing else', () => {
    expect(allowedActions(ticket('NEW'), role('AGENT'))).toEqual(['dispatch', 'close']);
  });

  it('lets the handler of the responsible department accept, return and assign, but not another department', () => {
    expect(allowedActions(ticket('DISPATCHED'), handlerOf(water))).toEqual(['accept', 'assign', 'return']);
    expect(allowedActions(ticket('DISPATCHED'), handlerOf({ id: 'd2', name: '朝阳街道' }))).toEqual([]);
  });

  it('gives a manager reassign but not the handler-only return, hold and extension request', () => {
    const actions = allowedActions(ticket('IN_PROGRESS'), role('MANAGER'));
    expect(actions).toEqual(['assign', 'reassign', 'resolve', 'close']);
  });

  it('offers the extension decision only while a request is pending', () => {
    const requested = ticket('IN_PROGRESS', [{ type: 'EXTENSION_REQUESTED' }]);
    const decided = ticket('IN_PROGRESS', [{ type: 'EXTENSION_REQUESTED' }, { type: 'EXTENSION_DECIDED' }]);
    expect(allowedActions(requested, role('MANAGER'))).toContain('decideExtension');
    expect(allowedActions(decided, role('MANAGER'))).not.toContain('decideExtension');
    expect(allowedActions(requested, handlerOf(water))).not.toContain('requestExtension');
    expect(allowedActions(decided, handlerOf(water))).toContain('requestExtension');
  });

  it('allows nothing on a closed ticket', () => {
    expect(allowedActions(ticket('CLOSED'), role('ADMIN'))).toEqual([]);
  });
});

describe('closeReasonsFor', () => {
  it('follows the status', () => {
    expect(closeReasonsFor('NEW')).toEqual(['ANSWERED_DIRECTLY', 'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN']);
    expect(closeReasonsFor('RESOLVED')).toEqual(['RESOLVED']);
    expect(closeReasonsFor('IN_PROGRESS')).toEqual(['WITHDRAWN']);
  });
});

describe('canRoleAccess', () => {
  it('keeps configuration to managers and administration to admins', () => {
    expect(canRoleAccess('MANAGER', 'routing-rules', 'list')).toBe(true);
    expect(canRoleAccess('AGENT', 'routing-rules', 'list')).toBe(false);
    expect(canRoleAccess('MANAGER', 'api-clients', 'list')).toBe(false);
    expect(canRoleAccess('ADMIN', 'webhooks', 'create')).toBe(true);
    expect(canRoleAccess('HANDLER', 'tickets', 'list')).toBe(true);
    expect(canRoleAccess('HANDLER', 'tickets', 'create')).toBe(false);
  });
});
