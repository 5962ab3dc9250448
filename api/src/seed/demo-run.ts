import type { TicketRow } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import type { Viewer } from '../auth/viewer.js';
import { ManualClock } from '../clock.js';
import type { ServiceContext } from '../context.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import {
  acceptCoHandling,
  remindCoHandler,
  replyCoHandling,
  waiveCoHandler,
} from '../modules/co-handling/co-handling-commands.js';
import { mergeTicket } from '../modules/duplicates/duplicates.service.js';
import { replySupervision, superviseTicket } from '../modules/supervision/supervise-ticket.js';
import { acceptTicket } from '../modules/tickets/accept-ticket.js';
import { assignTicket } from '../modules/tickets/assign-ticket.js';
import { closeTicket } from '../modules/tickets/close-ticket.js';
import { createTicket } from '../modules/tickets/create-ticket.js';
import { dispatchTicket, reassignTicket } from '../modules/tickets/dispatch-ticket.js';
import { recordFeedback } from '../modules/tickets/record-feedback.js';
import { resolveTicket } from '../modules/tickets/resolve-ticket.js';
import { returnTicket } from '../modules/tickets/return-ticket.js';
import { attachResolveEvidence, PHOTO_EVERY } from './demo-photos.js';
import type { TicketPlan } from './demo-plan.js';

export interface DemoActors {
  agents: Viewer[];
  manager: Viewer;
  /** One HANDLER per department id. */
  handlers: Map<string, Viewer>;
  /** Department id of each sub-district code. */
  subDistricts: Map<string, string>;
  /** Where misrouted tickets end up when their sub-district sent them back. */
  fallbackDepartmentId: string;
  /** Where demo photos are stored; none: no photos. */
  attachments?: AttachmentSettings;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Plays one planned ticket through the real services, each step at its simulated time (a
 * ManualClock per ticket), stopping at `end`: later steps have not happened yet.
 */
export async function playTicket(
  db: Db,
  actors: DemoActors,
  plan: TicketPlan,
  end: Date,
  created: Map<number, Promise<string | null>>,
): Promise<void> {
  const clock = new ManualClock(plan.createdAt);
  const agent = actors.agents[plan.index % actors.agents.length]!;
  const as = (viewer: Viewer): ServiceContext => ({ db, clock, viewer });
  const draws = [...plan.draws];
  const draw = () => draws.shift() ?? 0.5;
  let at = plan.createdAt.getTime();
  /** Moves the clock on; false when that moment is after the end of the simulation. */
  const advanceTo = (time: number) => {
    at = Math.max(time, at + 1000);
    if (at >= end.getTime()) return false;
    clock.set(new Date(at));
    return true;
  };
  const later = (minMs: number, maxMs: number) => advanceTo(at + minMs + draw() * (maxMs - minMs));

  const dispatch = plan.kind === 'dispatch';
  // Some plain cases are dispatched by hand to their sub-district as lead, the city management bureau
  // co-handling (街道主办, 城管协办).
  const coHandled =
    dispatch &&
    plan.misroutes === 0 &&
    !plan.reassign &&
    plan.index % 13 === 5 &&
    !!actors.fallbackDepartmentId;
  let resolveCreated!: (id: string | null) => void;
  created.set(plan.index, new Promise((resolve) => (resolveCreated = resolve)));
  let ticket: TicketRow;
  try {
    ticket = await createTicket(as(agent), { ...plan.input, autoDispatch: dispatch && !coHandled });
  } finally {
    resolveCreated(ticket! ? ticket.id : null);
  }
  const id = ticket.id;

  if (plan.kind === 'direct') {
    if (later(2 * MINUTE, 12 * MINUTE))
      await closeTicket(as(agent), { id, reason: 'ANSWERED_DIRECTLY', note: '已电话答复' });
    return;
  }
  if (plan.kind === 'outOfScope') {
    if (later(3 * MINUTE, 15 * MINUTE))
      await closeTicket(as(agent), {
        id,
        reason: 'OUT_OF_SCOPE',
        note: '不属于热线受理范围，已告知来电人相关渠道',
      });
    return;
  }
  if (plan.kind === 'withdrawn') {
    if (later(HOUR, 3 * HOUR))
      await closeTicket(as(agent), { id, reason: 'WITHDRAWN', note: '来电人表示问题已自行解决' });
    return;
  }
  if (plan.kind === 'duplicate') {
    const intoId = await created.get(plan.duplicateOf!);
    if (intoId && later(5 * MINUTE, 30 * MINUTE))
      await mergeTicket(as(agent), { id, intoId, note: '同一来电人重复反映' });
    return;
  }

  const fallback = actors.subDistricts.get(plan.subDistrict)!;
  const coHandlers =
    coHandled && fallback !== actors.fallbackDepartmentId ? [actors.fallbackDepartmentId] : [];
  if (ticket.status === 'NEW') {
    if (!later(3 * MINUTE, 25 * MINUTE)) return;
    ticket = await dispatchTicket(as(agent), {
      id,
      departmentId: fallback,
      note: coHandlers.length ? '属地主办，城管协办' : '按属地派单',
      coHandlingDepartmentIds: coHandlers,
    });
  }
  // The co-handlers' replies are due half way to the lead's deadline (the default).
  const coHandlingDue = at + ((ticket.dueAt?.getTime() ?? at + 48 * HOUR) - at) / 2;
  // Misrouting: the department sends it back; the hotline tries again; twice goes to a manager.
  for (let bounce = 0; bounce < plan.misroutes; bounce++) {
    if (!later(30 * MINUTE, 3 * HOUR)) return;
    const returnedBy = ticket.departmentId!;
    ticket = await returnTicket(as(handlerOf(actors, ticket)), {
      id,
      reason: '经核实不属于本单位职责',
    });
    const next = ticket.needsManager ? actors.manager : agent;
    if (!later(10 * MINUTE, 2 * HOUR)) return;
    const target = departmentAfterReturn(actors, fallback, returnedBy, plan, bounce);
    ticket = ticket.needsManager
      ? await reassignTicket(as(next), { id, departmentId: target, reason: '经协调明确责任单位' })
      : await dispatchTicket(as(next), { id, departmentId: target, note: '重新派单' });
  }
  const accepted = await acceptOnSchedule(ticket, plan.acceptLate, draw(), as, actors, advanceTo);
  if (!accepted) return;
  ticket = accepted;
  if (plan.reassign) {
    if (!later(HOUR, 6 * HOUR)) return;
    const target = ticket.departmentId === fallback ? actors.fallbackDepartmentId : fallback;
    ticket = await reassignTicket(as(actors.manager), {
      id,
      departmentId: target,
      reason: '改派至责任单位',
    });
    const reaccepted = await acceptOnSchedule(ticket, false, draw(), as, actors, advanceTo);
    if (!reaccepted) return;
    ticket = reaccepted;
  }
  const handler = handlerOf(actors, ticket);
  if (!later(2 * MINUTE, 20 * MINUTE)) return;
  ticket = await assignTicket(as(handler), { id, userId: handler.id! });
  // Cases that drag on draw a manager's supervision (督办/催办); a stuck one half the time gets its reply.
  if (plan.stuck || plan.resolveLate) {
    if (!advanceTo(at + 6 * HOUR)) return;
    ticket = await superviseTicket(as(actors.manager), {
      id,
      level: plan.index % 2 === 0 ? 'SUPERVISE' : 'URGE',
      note: '群众反映强烈，请加快办理并按时回复进展',
      replyWithinHours: 24,
    });
    if (plan.stuck && plan.index % 2 === 0 && advanceTo(at + 20 * HOUR)) {
      ticket = await replySupervision(as(handler), { id, reply: '已成立专班协调处理，预计一周内办结' });
    }
  }
  if (ticket.openCoHandlerIds.length > 0) {
    const played = await playCoHandling(ticket, plan, coHandlingDue, as, actors, handler, advanceTo);
    if (!played) return;
    ticket = played;
  }
  if (plan.stuck) return;

  for (let round = 0; round < 2; round++) {
    if (!advanceTo(resolveTime(ticket, at, plan.resolveLate && round === 0, draw()))) return;
    ticket = await resolveTicket(as(handler), {
      id,
      reply: '经现场核实已处理完毕，并已向来电人说明情况。',
    });
    if (round === 0 && actors.attachments && plan.index % PHOTO_EVERY === 0) {
      await attachResolveEvidence(as(handler), actors.attachments, ticket);
    }
    if (!later(2 * HOUR, 30 * HOUR)) return;
    const second = draw();
    // After a reopen most callers are satisfied; a fifth stay dissatisfied (the case stays open with them).
    const satisfaction =
      round === 0
        ? plan.satisfaction
        : second < 0.6
          ? 'SATISFIED'
          : second < 0.8
            ? 'BASICALLY_SATISFIED'
            : 'DISSATISFIED';
    ticket = await recordFeedback(as(agent), {
      id,
      satisfaction,
      comment: satisfaction === 'DISSATISFIED' ? '问题没有真正解决' : null,
    });
    if (ticket.status !== 'IN_PROGRESS') return;
  }
}

/**
 * The co-handler's part (协办): it accepts, then replies (a third of them late, after the lead's reminder); a stuck case's co-handler has not replied yet; every fourth part a manager waives
 * instead. Null when the simulation ends first.
 */
async function playCoHandling(
  ticket: TicketRow,
  plan: TicketPlan,
  due: number,
  as: (viewer: Viewer) => ServiceContext,
  actors: DemoActors,
  lead: Viewer,
  advanceTo: (time: number) => boolean,
): Promise<TicketRow | null> {
  const id = ticket.id;
  const departmentId = actors.fallbackDepartmentId;
  const coHandler = actors.handlers.get(departmentId);
  if (!coHandler) throw new Error(`No demo handler for department ${departmentId}`);
  const start = ticket.updatedAt.getTime();
  if (!advanceTo(start + 0.1 * (due - start))) return null;
  let current = await acceptCoHandling(as(coHandler), { id });
  if (plan.stuck) return current;
  if (plan.index % 4 === 1) {
    if (!advanceTo(start + 0.6 * (due - start))) return null;
    return waiveCoHandler(as(actors.manager), { id, departmentId, reason: '主办单位已查明情况，无需协办' });
  }
  // A third reply late (and every case resolved late), after the lead's reminder.
  if (plan.resolveLate || plan.index % 3 === 0) {
    if (!advanceTo(due + HOUR)) return null;
    current = await remindCoHandler(as(lead), { id, departmentId, note: '协办意见已超期，请尽快回复' });
    if (!advanceTo(due + 5 * HOUR)) return null;
  } else if (!advanceTo(start + 0.7 * (due - start))) return null;
  current = await replyCoHandling(as(coHandler), {
    id,
    reply: '经核查，涉及城管职责部分已安排执法中队现场处置。',
  });
  return current;
}

function handlerOf(actors: DemoActors, ticket: TicketRow): Viewer {
  const handler = actors.handlers.get(ticket.departmentId ?? '');
  if (!handler) throw new Error(`No demo handler for department ${ticket.departmentId}`);
  return handler;
}

/** Where a returned ticket goes next: its sub-district, or the city management bureau if that sent it back. */
function departmentAfterReturn(
  actors: DemoActors,
  fallback: string,
  returnedBy: string,
  plan: TicketPlan,
  bounce: number,
): string {
  if (bounce === 0 && plan.misroutes === 2) {
    // The first retry is wrong as well: another sub-district.
    const others = [...actors.subDistricts.values()].filter((id) => id !== fallback && id !== returnedBy);
    return others[plan.index % others.length]!;
  }
  return returnedBy === fallback ? actors.fallbackDepartmentId : fallback;
}

/** Accepts within the accept deadline (most), or some time past it. */
async function acceptOnSchedule(
  ticket: TicketRow,
  late: boolean,
  fraction: number,
  as: (viewer: Viewer) => ServiceContext,
  actors: DemoActors,
  advanceTo: (time: number) => boolean,
): Promise<TicketRow | null> {
  const start = ticket.clockStartedAt?.getTime() ?? ticket.updatedAt.getTime();
  const due = ticket.acceptDueAt?.getTime() ?? start + HOUR;
  const time = late
    ? due + 10 * MINUTE + fraction * 5 * HOUR
    : start + (0.03 + 0.85 * fraction ** 2) * (due - start);
  if (!advanceTo(time)) return null;
  return acceptTicket(as(handlerOf(actors, ticket)), { id: ticket.id });
}

/** Most replies come well before the deadline (a skewed share of the window); a few after it. */
function resolveTime(ticket: TicketRow, now: number, late: boolean, fraction: number): number {
  const due = ticket.dueAt?.getTime() ?? now + 24 * HOUR;
  if (late) return due + HOUR + fraction * 36 * HOUR;
  return now + (0.02 + 0.8 * fraction ** 2) * Math.max(due - now, HOUR);
}
