import type { Db } from '@hotline/schema/client';
import { ManualClock } from '../clock.js';
import { linkToIncident } from '../modules/incidents/link-to-incident.js';
import { acceptTicket } from '../modules/tickets/accept-ticket.js';
import { createTicket } from '../modules/tickets/create-ticket.js';
import { dispatchTicket } from '../modules/tickets/dispatch-ticket.js';
import type { DemoActors } from './demo-run.js';

const MINUTE = 60_000;
const DESCRIPTION = '和平街道和平社区永安路与建设路路口地下水管爆裂，路面冒水，周边小区停水。';
/** The callers about the same burst pipe, each in their own words. */
const CALLERS = [
  { title: '家里突然停水', phone: '13600001001', name: '赵女士' },
  { title: '路口大量冒水', phone: '13600001002', name: '钱先生' },
  { title: '小区停水没有通知', phone: '13600001003', name: '孙先生' },
  { title: '路面积水车辆难行', phone: '13600001004', name: '李女士' },
  { title: '停水何时恢复', phone: '13600001005', name: '周先生' },
];

/**
 * 多诉一案 in the demo: a burst water main two hours before the end of the simulation, dispatched to the
 * water company and accepted; five more callers linked to it, waiting for its resolution.
 */
export async function seedDemoIncident(db: Db, actors: DemoActors, end: Date, waterCompanyId: string) {
  const clock = new ManualClock(new Date(end.getTime() - 120 * MINUTE));
  const agent = actors.agents[0]!;
  const as = (viewer: typeof agent) => ({ db, clock, viewer });
  const step = () => clock.set(new Date(clock.now().getTime() + 4 * MINUTE));
  const parent = await createTicket(as(agent), {
    title: '永安路主水管爆裂',
    description: DESCRIPTION,
    demandType: 'REPORT',
    callerName: '吴先生',
    callerPhone: '13600001000',
    address: '永安路与建设路路口',
    autoDispatch: false,
  });
  step();
  await dispatchTicket(as(agent), { id: parent.id, departmentId: waterCompanyId, note: '紧急抢修' });
  step();
  const handler = actors.handlers.get(waterCompanyId);
  if (handler) await acceptTicket(as(handler), { id: parent.id });
  for (const caller of CALLERS) {
    step();
    const child = await createTicket(as(agent), {
      title: caller.title,
      description: DESCRIPTION,
      demandType: 'REPORT',
      callerName: caller.name,
      callerPhone: caller.phone,
      autoDispatch: false,
    });
    step();
    await linkToIncident(as(agent), { ticketId: child.id, parentTicketId: parent.id, reason: '同一处爆管' });
  }
}
