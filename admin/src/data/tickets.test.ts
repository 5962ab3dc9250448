import { describe, expect, it } from 'vitest';
import { buildActionMutation } from './ticket-actions';
import { toTicketFilter, toTicketOrder, toTicketPage } from './tickets';

describe('ticket list mapping', () => {
  it('keeps only the contract filter fields, as lists where the contract wants lists', () => {
    expect(
      toTicketFilter({
        status: 'NEW',
        priority: [],
        q: '停水',
        overdue: true,
        view: 'escalated',
        escalated: true,
        departmentId: '',
      }),
    ).toEqual({ status: ['NEW'], search: '停水', overdue: true, escalated: true });
  });

  it('maps sortable columns to TicketOrderField', () => {
    expect(toTicketOrder({ field: 'sla.dueAt', order: 'ASC' })).toEqual({
      field: 'DUE_AT',
      direction: 'ASC',
    });
    expect(toTicketOrder({ field: 'title', order: 'DESC' })).toEqual({
      field: 'CREATED_AT',
      direction: 'DESC',
    });
  });

  it('pages with first (at most 100) and offset', () => {
    expect(toTicketPage({ page: 3, perPage: 25 })).toEqual({ first: 25, offset: 50 });
    expect(toTicketPage({ page: 2, perPage: 500 })).toEqual({ first: 100, offset: 100 });
  });
});

describe('buildActionMutation', () => {
  it('passes expectedVersion to versioned actions only', () => {
    expect(buildActionMutation('reassign')).toContain(
      'reassignTicket(id: $id, departmentId: $departmentId, reason: $reason, expectedVersion: $expectedVersion)',
    );
    expect(buildActionMutation('feedback')).toContain(
      'recordFeedback(id: $id, satisfaction: $satisfaction, comment: $comment)',
    );
    expect(buildActionMutation('feedback')).not.toContain('expectedVersion');
  });
});
