import { pgEnum } from 'drizzle-orm/pg-core';

export const roles = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION'] as const;
export const ticketPriorities = ['EMERGENCY', 'ORDINARY', 'COMPLEX'] as const;
export const demandTypes = ['CONSULTATION', 'HELP_REQUEST', 'COMPLAINT', 'REPORT', 'SUGGESTION'] as const;
export const channels = ['PHONE', 'WEB', 'APP', 'CITY_PLATFORM', 'API'] as const;
export const ticketStatuses = [
  'NEW',
  'DISPATCHED',
  'IN_PROGRESS',
  'ON_HOLD',
  'RETURNED',
  /** A caller's ticket linked to a parent incident (多诉一案): no department, no clock; follows the parent's resolution. */
  'LINKED',
  'RESOLVED',
  'CLOSED',
] as const;
export const closeReasons = [
  'RESOLVED',
  'ANSWERED_DIRECTLY',
  'OUT_OF_SCOPE',
  'DUPLICATE',
  'WITHDRAWN',
] as const;
export const satisfactions = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export const departmentKinds = ['HOTLINE_CENTER', 'BUREAU', 'SUB_DISTRICT', 'UTILITY', 'OTHER'] as const;
export const slaClocks = ['CALENDAR', 'BUSINESS'] as const;
export const ticketEventTypes = [
  'CREATED',
  'DISPATCHED',
  'ACCEPTED',
  'ASSIGNED',
  'RETURNED',
  'REASSIGNED',
  'HELD',
  'RESUMED',
  'EXTENSION_REQUESTED',
  'EXTENSION_DECIDED',
  'RESOLVED',
  'FEEDBACK_RECORDED',
  'REOPENED',
  'CLOSED',
  'REMINDER_SENT',
  'ESCALATED',
  'MERGED',
  'EXTENSION_CANCELLED',
  'NOTE_ADDED',
  'RETURN_REQUESTED',
  'RETURN_REJECTED',
  'SUPERVISED',
  'SUPERVISION_REPLIED',
  'ATTACHMENT_ADDED',
  'CO_HANDLING_REQUESTED',
  'CO_HANDLING_ACCEPTED',
  'CO_HANDLING_REPLIED',
  'CO_HANDLER_REMINDED',
  'CO_HANDLER_WAIVED',
  'LINKED_TO_INCIDENT',
  'UNLINKED_FROM_INCIDENT',
] as const;
/** INTERNAL: staff only; PUBLIC: also the caller's side and integrations. */
export const noteVisibilities = ['INTERNAL', 'PUBLIC'] as const;
export const extensionStatuses = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
/** URGE (催办): a reminder with a reply deadline; SUPERVISE (督办): formal supervision, the stronger one. */
export const supervisionLevels = ['URGE', 'SUPERVISE'] as const;
/** OPEN waits for the department's reply; REPLIED answered (or resolved); SUPERSEDED by a newer one; ENDED with the case (closed). */
export const supervisionStatuses = ['OPEN', 'REPLIED', 'SUPERSEDED', 'ENDED'] as const;
/**
 * A co-handling department's part (协办): PENDING until it accepts, ACCEPTED until it replies, REPLIED;
 * WAIVED by a manager; CANCELLED when the case left the lead department before the reply.
 */
export const coHandlingStatuses = ['PENDING', 'ACCEPTED', 'REPLIED', 'WAIVED', 'CANCELLED'] as const;

export type Role = (typeof roles)[number];
export type TicketPriority = (typeof ticketPriorities)[number];
export type DemandType = (typeof demandTypes)[number];
export type Channel = (typeof channels)[number];
export type TicketStatus = (typeof ticketStatuses)[number];
export type CloseReason = (typeof closeReasons)[number];
export type Satisfaction = (typeof satisfactions)[number];
export type DepartmentKind = (typeof departmentKinds)[number];
export type SlaClock = (typeof slaClocks)[number];
export type TicketEventType = (typeof ticketEventTypes)[number];
export type NoteVisibility = (typeof noteVisibilities)[number];
export type ExtensionStatus = (typeof extensionStatuses)[number];
export type SupervisionLevel = (typeof supervisionLevels)[number];
export type SupervisionStatus = (typeof supervisionStatuses)[number];
export type CoHandlingStatus = (typeof coHandlingStatuses)[number];

export const roleEnum = pgEnum('role', roles);
export const ticketPriorityEnum = pgEnum('ticket_priority', ticketPriorities);
export const demandTypeEnum = pgEnum('demand_type', demandTypes);
export const channelEnum = pgEnum('channel', channels);
export const ticketStatusEnum = pgEnum('ticket_status', ticketStatuses);
export const closeReasonEnum = pgEnum('close_reason', closeReasons);
export const satisfactionEnum = pgEnum('satisfaction', satisfactions);
export const departmentKindEnum = pgEnum('department_kind', departmentKinds);
export const slaClockEnum = pgEnum('sla_clock', slaClocks);
export const ticketEventTypeEnum = pgEnum('ticket_event_type', ticketEventTypes);
export const noteVisibilityEnum = pgEnum('note_visibility', noteVisibilities);
export const extensionStatusEnum = pgEnum('extension_status', extensionStatuses);
export const supervisionLevelEnum = pgEnum('supervision_level', supervisionLevels);
export const supervisionStatusEnum = pgEnum('supervision_status', supervisionStatuses);
export const coHandlingStatusEnum = pgEnum('co_handling_status', coHandlingStatuses);
