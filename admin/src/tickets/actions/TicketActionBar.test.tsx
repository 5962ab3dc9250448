import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { storeViewer } from '../../auth/auth-store';
import { GraphQLRequestError } from '../../graphql/client';
import type { Ticket, Viewer } from '../../graphql/types';
import { renderInAdmin } from '../../test/render';
import { TicketActionBar } from './TicketActionBar';

const manager: Viewer = {
  role: 'MANAGER',
  department: null,
  user: { id: 'u1', email: 'm@example.org', name: '王经理', role: 'MANAGER', active: true, department: null },
};

const ticket: Ticket = {
  id: 't1',
  number: '20260906-0001',
  status: 'IN_PROGRESS',
  priority: 'ORDINARY',
  demandType: 'COMPLAINT',
  channel: 'PHONE',
  title: '小区停水三天',
  description: '幸福里小区停水',
  category: null,
  area: null,
  address: null,
  location: null,
  caller: { name: null, phone: null },
  department: { id: 'd1', name: '市水务局' },
  assignee: null,
  externalRef: null,
  version: 7,
  createdAt: '2026-09-06T01:00:00Z',
  updatedAt: '2026-09-06T02:00:00Z',
  sla: { policy: null, acceptDueAt: null, dueAt: null, paused: false, breached: false, escalationLevel: 0 },
  reply: null,
  feedback: null,
  closeReason: null,
  answeredFromArticle: null,
  supervision: null,
  coHandlers: [],
  incident: null,
  incidentChildren: { totalCount: 0, waitingCount: 0 },
  // As the server answers a manager on this ticket (Ticket.allowedActions).
  allowedActions: ['ASSIGN', 'REASSIGN', 'RESOLVE', 'CLOSE', 'MERGE'],
  events: { nodes: [] },
};

function makeDataProvider(runTicketAction: ReturnType<typeof vi.fn>) {
  return {
    getList: vi.fn().mockResolvedValue({
      data: [
        { id: 'd1', name: '市水务局', active: true },
        { id: 'd2', name: '朝阳街道', active: true },
      ],
      total: 2,
    }),
    getCalendar: vi.fn().mockResolvedValue({ timezone: 'Asia/Shanghai' }),
    runTicketAction,
  };
}

async function reassign(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '改派' }));
  await user.click(screen.getByRole('combobox', { name: /改派至单位/ }));
  await user.click(await screen.findByRole('option', { name: '朝阳街道' }));
  await user.type(screen.getByRole('textbox', { name: /改派原因/ }), '属地管理');
  await user.click(screen.getByRole('button', { name: '改派' }));
}

describe('TicketActionBar', () => {
  it('offers exactly the actions the server allows the viewer, in the console order', async () => {
    storeViewer(manager);
    renderInAdmin(<TicketActionBar ticket={ticket} />, makeDataProvider(vi.fn()));

    const bar = await screen.findByLabelText('操作');
    expect(
      within(bar)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['指定承办人', '改派', '办结答复', '关闭工单']);
  });

  it('does not offer an extension request the server would refuse (one is still pending)', async () => {
    storeViewer({ role: 'HANDLER', department: { id: 'd1', name: '市水务局' }, user: null });
    const reassigned: Ticket = { ...ticket, allowedActions: ['ASSIGN', 'RETURN', 'HOLD', 'RESOLVE'] };
    renderInAdmin(<TicketActionBar ticket={reassigned} />, makeDataProvider(vi.fn()));

    expect(await screen.findByRole('button', { name: '挂起' })).toBeVisible();
    expect(screen.queryByRole('button', { name: '申请延期' })).not.toBeInTheDocument();
  });

  it('shows nothing when the server allows nothing', () => {
    storeViewer(manager);
    renderInAdmin(<TicketActionBar ticket={{ ...ticket, allowedActions: [] }} />, makeDataProvider(vi.fn()));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends the ticket version with the reassignment', async () => {
    storeViewer(manager);
    const user = userEvent.setup();
    const runTicketAction = vi.fn().mockResolvedValue({ ...ticket, version: 8 });
    renderInAdmin(<TicketActionBar ticket={ticket} />, makeDataProvider(runTicketAction));

    await reassign(user);

    // The action names the ticket by id and the version it was loaded at (use-ticket-action.ts).
    expect(runTicketAction).toHaveBeenCalledWith(
      'reassign',
      { id: ticket.id, version: ticket.version },
      {
        departmentId: 'd2',
        reason: '属地管理',
      },
    );
  });

  it('says plainly when someone else changed the ticket meanwhile', async () => {
    storeViewer(manager);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    const runTicketAction = vi
      .fn()
      .mockRejectedValue(new GraphQLRequestError('version mismatch', 'CONFLICT'));
    renderInAdmin(<TicketActionBar ticket={ticket} />, makeDataProvider(runTicketAction));

    await reassign(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('工单已被他人修改');
    expect(alert).toHaveTextContent('请重新加载');
    expect(screen.getByRole('button', { name: '重新加载' })).toBeVisible();
  });
});
