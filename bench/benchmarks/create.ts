import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { Reference } from '../lib/reference.js';
import { demandText, mobileNumber, pick, seededRandom } from '../lib/texts.js';

/** What an intake client sends: a routable demand, dispatched at once by the matching rule. */
export function createTicketBody(reference: Reference, n: number): string {
  const random = seededRandom(1_000_003 + n);
  const text = demandText(random);
  return JSON.stringify({
    query: `mutation Create($input: CreateTicketInput!) { createTicket(input: $input) { id number status department { id } sla { dueAt } } }`,
    variables: {
      input: {
        title: text.title,
        description: text.description,
        demandType: 'COMPLAINT',
        channel: 'PHONE',
        categoryCode: pick(random, reference.categories).code,
        areaCode: pick(random, reference.communities).code,
        address: text.address,
        callerName: text.callerName,
        callerPhone: mobileNumber(random),
        autoDispatch: true,
      },
    },
  });
}

const HOUR = 3_600_000;

/**
 * The floor for the same write: one transaction inserting the dispatched ticket (deadlines computed
 * here), its CREATED and DISPATCHED events, their two outbox rows and the ticket_departments row.
 */
export function rawCreate(sql: postgres.Sql, reference: Reference) {
  const policy = reference.policies.ORDINARY;
  return (n: number) =>
    sql.begin(async (tx) => {
      const random = seededRandom(2_000_003 + n);
      const text = demandText(random);
      const category = pick(random, reference.categories);
      const now = new Date();
      const id = randomUUID();
      const [ticket] = await tx`
        insert into tickets (id, number, status, priority, demand_type, channel, title, description, category_id,
          area_id, address, caller_name, caller_phone, department_id, version, created_at, updated_at, created_by_id,
          sla_policy_id, sla_cycle, clock_started_at, accept_due_at, due_at, next_timer_at, first_dispatched_at)
        values (${id}, to_char(${now} at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('ticket_number_seq')::text, 8, '0'),
          'DISPATCHED', 'ORDINARY', 'COMPLAINT', 'PHONE', ${text.title}, ${text.description}, ${category.id},
          ${pick(random, reference.communities).id}, ${text.address}, ${text.callerName}, ${mobileNumber(random)},
          ${category.departmentId}, 2, ${now}, ${now}, ${reference.agentId}, ${policy.id}, 1, ${now},
          ${new Date(now.getTime() + policy.acceptHours * HOUR)}, ${new Date(now.getTime() + policy.resolveHours * HOUR)},
          ${new Date(now.getTime() + 0.5 * policy.resolveHours * HOUR)}, ${now})
        returning id, number, status, department_id, due_at`;
      const events = await tx`
        insert into ticket_events (ticket_id, type, at, actor_id, from_status, to_status, department_id, note, sla_cycle)
        values (${id}, 'CREATED', ${now}, ${reference.agentId}, null, 'NEW', null, null, 1),
               (${id}, 'DISPATCHED', ${now}, ${reference.agentId}, 'NEW', 'DISPATCHED', ${category.departmentId}, 'rule', 1)
        returning id, type`;
      const payload = {
        ticket: { id, number: ticket!.number, status: 'DISPATCHED', departmentId: category.departmentId },
      };
      await tx`
        insert into outbox (event_id, ticket_id, type, payload, created_at)
        values (${events[0]!.id}, ${id}, 'ticket.created', ${tx.json(payload)}, ${now}),
               (${events[1]!.id}, ${id}, 'ticket.dispatched', ${tx.json(payload)}, ${now})`;
      await tx`insert into ticket_departments (ticket_id, department_id, first_at) values (${id}, ${category.departmentId}, ${now})`;
    });
}
