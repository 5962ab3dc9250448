import { randomUUID } from 'node:crypto';
import type { Reference } from './reference.js';
import { demandText, mobileNumber, pick, seededRandom } from './texts.js';

/**
 * One ticket's rows in COPY text format (tab-separated, \N for null): the ticket, its events and its
 * ticket_departments row. The life a ticket has had depends on its age: recent ones are mostly
 * open, older ones resolved and closed, a share never left the hotline (answered directly, out of
 * scope), so a 60,000-a-day city keeps a few hundred thousand cases open.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * The history's deadlines run on wall-clock hours; its working times are the default calendar's share
 * of them (7 working hours a day), close enough for the SLA report's query cost.
 */
const workingShare = (ms: number) => Math.round((ms * 7) / 24);
const N = '\\N';

type Cell = string | number | boolean | Date | null;

function line(cells: Cell[]): string {
  return `${cells.map((cell) => (cell === null ? N : cell instanceof Date ? cell.toISOString() : String(cell))).join('\t')}\n`;
}

/** YYYYMMDD in Asia/Shanghai, as the API numbers tickets. */
function dayOf(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
}

function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  let roll = random();
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const PRIORITIES = [
  ['EMERGENCY', 0.08],
  ['ORDINARY', 0.8],
  ['COMPLEX', 0.12],
] as const;
const DEMAND_TYPES = [
  ['COMPLAINT', 0.35],
  ['HELP_REQUEST', 0.25],
  ['CONSULTATION', 0.25],
  ['REPORT', 0.1],
  ['SUGGESTION', 0.05],
] as const;
const CHANNELS = [
  ['PHONE', 0.75],
  ['APP', 0.1],
  ['WEB', 0.08],
  ['CITY_PLATFORM', 0.05],
  ['API', 0.02],
] as const;

export interface RowBatch {
  tickets: string;
  events: string;
  ticketDepartments: string;
  eventCount: number;
  /** Phones of a sample of the batch's tickets (search benchmark). */
  phones: string[];
  /** Ids of a sample (detail benchmark). */
  ids: string[];
}

export interface GenerateOptions {
  reference: Reference;
  /** The newest ticket's creation instant: ticket i was created i intervals before it. */
  now: Date;
  perDay: number;
  /**
   * A department's queue awaiting acceptance (issue 14's "department queue of ~18,000 DISPATCHED
   * tickets"): every `every`-th of the newest `tickets` × `every` tickets is dispatched to this
   * department and not accepted yet.
   */
  queue?: { departmentId: string; tickets: number; every: number };
}

/** Rows of tickets [from, to) (0 = newest). Deterministic per index, apart from the random UUIDs. */
export function generateBatch(options: GenerateOptions, from: number, to: number): RowBatch {
  const tickets: string[] = [];
  const events: string[] = [];
  const ticketDepartments: string[] = [];
  const phones: string[] = [];
  const ids: string[] = [];
  let eventCount = 0;
  const random = seededRandom(from * 7919 + 17);
  const interval = DAY / options.perDay;
  const { reference, now, queue } = options;
  for (let index = from; index < to; index++) {
    const queued = queue && index % queue.every === 0 && index < queue.tickets * queue.every;
    const rows = generateTicket(
      random,
      reference,
      now,
      new Date(now.getTime() - (index + random()) * interval),
      index,
      queued ? queue.departmentId : undefined,
    );
    tickets.push(rows.ticket);
    events.push(...rows.events);
    eventCount += rows.events.length;
    if (rows.ticketDepartment) ticketDepartments.push(rows.ticketDepartment);
    if (index % 997 === 0) {
      phones.push(rows.phone);
      ids.push(rows.id);
    }
  }
  return {
    tickets: tickets.join(''),
    events: events.join(''),
    ticketDepartments: ticketDepartments.join(''),
    eventCount,
    phones,
    ids,
  };
}

function generateTicket(
  random: () => number,
  reference: Reference,
  now: Date,
  createdAt: Date,
  index: number,
  /** Dispatched to this department and awaiting acceptance (a queue ticket). */
  queueDepartmentId?: string,
) {
  const id = randomUUID();
  const text = demandText(random);
  const phone = mobileNumber(random);
  const priority = weighted(random, PRIORITIES);
  const category = pick(random, reference.categories);
  const community = pick(random, reference.communities);
  const subDistrict = reference.departments.find(
    (d) => d.code === `SUBDISTRICT_${community.code.split('_')[0]!.slice(2)}`,
  );
  const byRule = random() < 0.6 || !subDistrict ? category.departmentId : subDistrict.id;
  const departmentId = queueDepartmentId ?? byRule;
  const policy = reference.policies[priority];
  const ageDays = (now.getTime() - createdAt.getTime()) / DAY;
  const agent = reference.agentId;
  const staff = reference.managerId;

  const events: string[] = [];
  const event = (
    type: string,
    at: Date,
    from: string | null,
    to: string | null,
    department: string | null,
    note: string | null,
    cycle: number,
  ) =>
    events.push(
      line([
        id,
        type,
        at,
        type === 'CREATED' || type === 'DISPATCHED' || type === 'CLOSED' ? agent : staff,
        from,
        to,
        department,
        note,
        cycle,
      ]),
    );
  event('CREATED', createdAt, null, 'NEW', null, null, 0);

  const t: Record<string, Cell> = { status: 'NEW', departmentId: null, cycle: 0 };
  let updatedAt = createdAt;
  let ticketDepartment: string | null = null;
  const direct = queueDepartmentId ? 1 : random();
  if (!queueDepartmentId && ageDays * 24 < 1 && random() < 0.3) {
    // Just registered: waiting in NEW for an agent.
  } else if (direct < 0.19) {
    const reason =
      direct < 0.15
        ? 'ANSWERED_DIRECTLY'
        : direct < 0.17
          ? 'OUT_OF_SCOPE'
          : direct < 0.18
            ? 'DUPLICATE'
            : 'WITHDRAWN';
    updatedAt = new Date(createdAt.getTime() + 60_000 + random() * 600_000);
    Object.assign(t, { status: 'CLOSED', closeReason: reason, closedAt: updatedAt });
    if (reason === 'ANSWERED_DIRECTLY')
      Object.assign(t, { reply: '已当场答复来电人。', resolvedAt: updatedAt });
    event('CLOSED', updatedAt, 'NEW', 'CLOSED', null, reason, 0);
  } else {
    const dispatchedAt = new Date(createdAt.getTime() + 60_000 + random() * 540_000);
    const acceptDueAt = new Date(dispatchedAt.getTime() + policy.acceptHours * HOUR);
    const dueAt = new Date(dispatchedAt.getTime() + policy.resolveHours * HOUR);
    Object.assign(t, {
      status: 'DISPATCHED',
      departmentId,
      cycle: 1,
      slaPolicyId: policy.id,
      clockStartedAt: dispatchedAt,
      acceptDueAt,
      dueAt,
      firstDispatchedAt: dispatchedAt,
    });
    ticketDepartment = line([id, departmentId, dispatchedAt]);
    event('DISPATCHED', dispatchedAt, 'NEW', 'DISPATCHED', departmentId, `rule: 按类别: ${category.code}`, 1);
    updatedAt = dispatchedAt;
    const open = Boolean(queueDepartmentId) || random() < 0.9 * Math.exp(-ageDays / 4) + 0.03;
    const drawn = weighted(random, [
      ['DISPATCHED', 0.25],
      ['IN_PROGRESS', 0.6],
      ['ON_HOLD', 0.07],
      ['RETURNED', 0.08],
    ] as const);
    const openState = queueDepartmentId ? 'DISPATCHED' : drawn;
    const acceptedAt = new Date(dispatchedAt.getTime() + (0.1 + random()) * policy.acceptHours * HOUR);
    if (open && (openState === 'DISPATCHED' || acceptedAt > now)) {
      // Awaiting acceptance.
    } else if (open && openState === 'RETURNED') {
      updatedAt = acceptedAt;
      Object.assign(t, { status: 'RETURNED', departmentId: null, returnCount: 1 });
      event('RETURNED', acceptedAt, 'DISPATCHED', 'RETURNED', departmentId, '非本单位职责', 1);
    } else {
      Object.assign(t, {
        status: 'IN_PROGRESS',
        acceptedAt,
        acceptedOnTime: acceptedAt <= acceptDueAt,
        acceptWorkingMs: workingShare(acceptedAt.getTime() - dispatchedAt.getTime()),
      });
      event('ACCEPTED', acceptedAt, 'DISPATCHED', 'IN_PROGRESS', departmentId, null, 1);
      // The department names the one person answerable for the case soon after accepting it.
      const assignedAt = new Date(
        Math.min(now.getTime(), acceptedAt.getTime() + 300_000 + random() * 1_500_000),
      );
      event('ASSIGNED', assignedAt, 'IN_PROGRESS', 'IN_PROGRESS', departmentId, '承办人', 1);
      updatedAt = assignedAt;
      const resolvedAt = new Date(acceptedAt.getTime() + (0.1 + 1.2 * random()) * policy.resolveHours * HOUR);
      if (open && openState === 'ON_HOLD') {
        const pausedAt = new Date(Math.min(now.getTime(), acceptedAt.getTime() + HOUR));
        Object.assign(t, { status: 'ON_HOLD', pausedAt });
        event('HELD', pausedAt, 'IN_PROGRESS', 'ON_HOLD', departmentId, '等待来电人补充材料', 1);
        updatedAt = pausedAt;
      } else if (!open && resolvedAt < now) {
        Object.assign(t, {
          status: 'RESOLVED',
          reply: '已联系来电人并处理完毕。',
          resolvedAt,
          resolveWorkingMs: workingShare(resolvedAt.getTime() - dispatchedAt.getTime()),
        });
        if (resolvedAt > dueAt) t.breachedAt = dueAt;
        event('RESOLVED', resolvedAt, 'IN_PROGRESS', 'RESOLVED', departmentId, null, 1);
        updatedAt = resolvedAt;
        const feedbackAt = new Date(resolvedAt.getTime() + (1 + 47 * random()) * HOUR);
        if (feedbackAt < now && random() < 0.9) {
          const satisfaction = weighted(random, [
            ['SATISFIED', 0.85],
            ['BASICALLY_SATISFIED', 0.15],
          ] as const);
          Object.assign(t, {
            status: 'CLOSED',
            satisfaction,
            feedbackAt,
            closeReason: 'RESOLVED',
            closedAt: feedbackAt,
          });
          event('FEEDBACK_RECORDED', feedbackAt, 'RESOLVED', 'RESOLVED', departmentId, satisfaction, 1);
          event('CLOSED', feedbackAt, 'RESOLVED', 'CLOSED', departmentId, null, 1);
          updatedAt = feedbackAt;
        }
      }
    }
    if (t.status === 'DISPATCHED' || t.status === 'IN_PROGRESS') {
      const overdue = dueAt < now;
      if (overdue)
        Object.assign(t, {
          breachedAt: dueAt,
          escalationLevel: now.getTime() - dueAt.getTime() > DAY ? 2 : 1,
        });
      // The ticks have kept up so far: every timer is in the future, the benchmark's workers stay idle.
      t.nextTimerAt = new Date(now.getTime() + HOUR + random() * 2 * DAY);
    }
  }

  const ticket = line([
    id,
    `${dayOf(createdAt)}${String(index + 1).padStart(8, '0')}`,
    t.status as string,
    priority,
    weighted(random, DEMAND_TYPES),
    weighted(random, CHANNELS),
    text.title,
    text.description,
    category.id,
    community.id,
    text.address,
    text.callerName,
    phone,
    (t.departmentId as string | null) ?? null,
    events.length,
    createdAt,
    updatedAt,
    agent,
    (t.slaPolicyId as string) ?? null,
    t.cycle as number,
    (t.clockStartedAt as Date) ?? null,
    (t.acceptDueAt as Date) ?? null,
    (t.dueAt as Date) ?? null,
    (t.acceptedAt as Date) ?? null,
    (t.pausedAt as Date) ?? null,
    (t.breachedAt as Date) ?? null,
    (t.escalationLevel as number) ?? 0,
    (t.returnCount as number) ?? 0,
    (t.nextTimerAt as Date) ?? null,
    (t.firstDispatchedAt as Date) ?? null,
    (t.acceptedOnTime as boolean) ?? null,
    (t.acceptWorkingMs as number) ?? null,
    (t.resolveWorkingMs as number) ?? null,
    (t.reply as string) ?? null,
    (t.resolvedAt as Date) ?? null,
    (t.satisfaction as string) ?? null,
    (t.feedbackAt as Date) ?? null,
    (t.closeReason as string) ?? null,
    (t.closedAt as Date) ?? null,
  ]);
  return { id, phone, ticket, events, ticketDepartment };
}
