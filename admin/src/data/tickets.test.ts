import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTicketAction } from './ticket-actions';
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

describe('runTicketAction', () => {
  afterEach(() => vi.unstubAllGlobals());

  async function sent(action: Parameters<typeof runTicketAction>[0], variables: object) {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { result: { id: 't1' } } })));
    vi.stubGlobal('fetch', fetch);
    await runTicketAction(action, { id: 't1', version: 3 }, variables as never);
    return JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
  }

  it('passes expectedVersion to versioned actions only, and drops blank optional values', async () => {
    const reassign = await sent('reassign', { departmentId: 'd2', reason: 'r' });
    expect(reassign.query).toMatch(/reassignTicket\([^)]*expectedVersion: \$expectedVersion/);
    expect(reassign.variables).toEqual({ id: 't1', departmentId: 'd2', reason: 'r', expectedVersion: 3 });
    const feedback = await sent('feedback', { satisfaction: 'SATISFIED', comment: '' });
    expect(feedback.query).toContain(
      'recordFeedback(id: $id, satisfaction: $satisfaction, comment: $comment)',
    );
    expect(feedback.query).not.toContain('expectedVersion');
    expect(feedback.variables).toEqual({ id: 't1', satisfaction: 'SATISFIED' });
  });
});
