export const TICKET_STATUSES = [
  'NEW',
  'DISPATCHED',
  'IN_PROGRESS',
  'ON_HOLD',
  'RETURNED',
  'RESOLVED',
  'CLOSED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['EMERGENCY', 'ORDINARY', 'COMPLEX'] as const;
export type TicketPriority = (typeof PRIORITIES)[number];

export const DEMAND_TYPES = ['CONSULTATION', 'HELP_REQUEST', 'COMPLAINT', 'REPORT', 'SUGGESTION'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const CHANNELS = ['PHONE', 'WEB', 'APP', 'CITY_PLATFORM', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLOSE_REASONS = [
  'RESOLVED',
  'ANSWERED_DIRECTLY',
  'OUT_OF_SCOPE',
  'DUPLICATE',
  'WITHDRAWN',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ROLES = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION'] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_KINDS = ['HOTLINE_CENTER', 'BUREAU', 'SUB_DISTRICT', 'UTILITY', 'OTHER'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const SLA_CLOCKS = ['CALENDAR', 'BUSINESS'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

export const TICKET_EVENT_TYPES = [
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
  // Served beyond the contract: a duplicate closed into another ticket (events on both).
  'MERGED',
  // A pending extension request ended by a change of department or the end of the SLA cycle.
  'EXTENSION_CANCELLED',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_TYPES = [
  '*',
  'ticket.created',
  'ticket.dispatched',
  'ticket.accepted',
  'ticket.assigned',
  'ticket.returned',
  'ticket.reassigned',
  'ticket.held',
  'ticket.resumed',
  'ticket.extension_requested',
  'ticket.extension_decided',
  'ticket.extension_cancelled',
  'ticket.resolved',
  'ticket.feedback_recorded',
  'ticket.reopened',
  'ticket.closed',
  'ticket.reminder',
  'ticket.escalated',
] as const;
