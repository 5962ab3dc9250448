import { departments, type EscalationStepRow, type SlaClock, type TicketPriority } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { inArray } from 'drizzle-orm';
import {
  type Duration,
  exceedsMaxDuration,
  MAX_DURATION_DAYS,
  parseDuration,
} from '../../domain/duration.js';
import { type CalendarSpec, durationMs } from '../../domain/sla-clock.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError } from '../../errors/app-error.js';

/** What `upsertSlaPolicy` receives. */
export interface SlaPolicyDraft {
  name: string;
  priority: TicketPriority;
  clock: SlaClock;
  acceptWithin: string;
  resolveWithin: string;
  remindAt: number[];
  escalation: { level: number; after: string; notifyDepartmentId?: string | null }[];
}

export type CheckedSlaPolicy = Omit<SlaPolicyDraft, 'escalation'> & { escalation: EscalationStepRow[] };

/** Reads durations as the policy will: on its clock, so a BUSINESS PT8760H (five years of working hours) is too long. */
interface DurationRules {
  clock: SlaClock;
  calendar: CalendarSpec;
}

function positiveDuration(
  problems: string[],
  rules: DurationRules,
  field: string,
  text: string,
  allowZero = false,
): Duration | null {
  const duration = parseDuration(text);
  if (!duration) problems.push(`${field} "${text}" is not an ISO-8601 duration such as P3D or PT4H`);
  else if (!allowZero && duration.days + duration.hours + duration.minutes + duration.seconds === 0) {
    problems.push(`${field} must be longer than zero`);
  } else if (exceedsMaxDuration(duration) || tooLongOnClock(rules, duration)) {
    problems.push(`${field} must not exceed ${MAX_DURATION_DAYS} days (on the policy's clock)`);
  }
  return duration;
}

function tooLongOnClock({ clock, calendar }: DurationRules, duration: Duration): boolean {
  const longest = { days: MAX_DURATION_DAYS, hours: 0, minutes: 0, seconds: 0 };
  return durationMs(calendar, clock, duration) > durationMs(calendar, clock, longest);
}

/**
 * Checks a policy and lists every problem at once (BAD_USER_INPUT with `problems`): reminders strictly
 * between 0 and 1 and distinct; escalation levels 1..n in order, each `after` not before the previous
 * one on the policy's clock; notified departments that exist.
 */
export async function checkSlaPolicy(
  tx: Tx,
  input: SlaPolicyDraft,
  calendar: CalendarSpec,
): Promise<CheckedSlaPolicy> {
  const name = checkText('name', input.name);
  const problems: string[] = [];
  const rules: DurationRules = { clock: input.clock, calendar };
  positiveDuration(problems, rules, 'acceptWithin', input.acceptWithin);
  positiveDuration(problems, rules, 'resolveWithin', input.resolveWithin);
  for (const fraction of input.remindAt) {
    if (!Number.isFinite(fraction) || fraction <= 0 || fraction >= 1) {
      problems.push(`remindAt ${fraction} must lie strictly between 0 and 1`);
    }
  }
  if (new Set(input.remindAt).size !== input.remindAt.length)
    problems.push('remindAt has the same fraction twice');

  let previousMs = -1;
  input.escalation.forEach((step, index) => {
    if (step.level !== index + 1) {
      problems.push(
        `escalation levels must be 1..${input.escalation.length} in order; step ${index + 1} has level ${step.level}`,
      );
    }
    const after = positiveDuration(problems, rules, `escalation level ${step.level} after`, step.after, true);
    if (!after) return;
    const ms = durationMs(calendar, input.clock, after);
    if (ms < previousMs) problems.push(`escalation level ${step.level} comes before level ${step.level - 1}`);
    previousMs = ms;
  });

  const notified = [
    ...new Set(input.escalation.map((step) => step.notifyDepartmentId).filter((id): id is string => !!id)),
  ];
  const valid = notified.filter(isUuid);
  const found = valid.length
    ? new Set(
        (await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, valid))).map(
          (row) => row.id,
        ),
      )
    : new Set<string>();
  for (const id of notified) {
    if (!found.has(id)) problems.push(`notifyDepartmentId ${id} is not a known department`);
  }

  if (problems.length > 0) {
    throw new AppError('BAD_USER_INPUT', `Invalid SLA policy: ${problems.join('; ')}`, { problems });
  }
  return {
    name,
    priority: input.priority,
    clock: input.clock,
    acceptWithin: input.acceptWithin,
    resolveWithin: input.resolveWithin,
    remindAt: input.remindAt,
    escalation: input.escalation.map((step) => ({
      level: step.level,
      after: step.after,
      notifyDepartmentId: step.notifyDepartmentId ?? null,
    })),
  };
}
