import type { EnumOf } from './graphql';

/**
 * Every value of a schema enum, in the order the console shows them: a value missing from the list, or one
 * the schema does not have, is a type error, so the list cannot drift from schema/schema.graphql.
 */
function allOf<Value extends string>() {
  return <const List extends readonly Value[]>(
    list: List & ([Value] extends [List[number]] ? unknown : { missing: Exclude<Value, List[number]> }),
  ): List => list;
}

export type TicketStatus = EnumOf<'TicketStatus'>;
export const TICKET_STATUSES = allOf<TicketStatus>()([
  'NEW',
  'DISPATCHED',
  'IN_PROGRESS',
  'ON_HOLD',
  'RETURNED',
  'LINKED',
  'RESOLVED',
  'CLOSED',
]);

export type CallerLanguage = EnumOf<'CallerLanguage'>;
export const CALLER_LANGUAGES = allOf<CallerLanguage>()(['ZH_CN', 'EN']);

export type TicketPriority = EnumOf<'TicketPriority'>;
export const PRIORITIES = allOf<TicketPriority>()(['EMERGENCY', 'ORDINARY', 'COMPLEX']);

export type DemandType = EnumOf<'DemandType'>;
export const DEMAND_TYPES = allOf<DemandType>()([
  'CONSULTATION',
  'HELP_REQUEST',
  'COMPLAINT',
  'REPORT',
  'SUGGESTION',
]);

export type Channel = EnumOf<'Channel'>;
export const CHANNELS = allOf<Channel>()(['PHONE', 'WEB', 'APP', 'CITY_PLATFORM', 'API']);

export type CloseReason = EnumOf<'CloseReason'>;

export type Satisfaction = EnumOf<'Satisfaction'>;
export const SATISFACTIONS = allOf<Satisfaction>()(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']);

export type Role = EnumOf<'Role'>;
export const ROLES = allOf<Role>()(['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION']);

export type DepartmentKind = EnumOf<'DepartmentKind'>;
export const DEPARTMENT_KINDS = allOf<DepartmentKind>()([
  'HOTLINE_CENTER',
  'BUREAU',
  'SUB_DISTRICT',
  'UTILITY',
  'OTHER',
]);

export type SlaClock = EnumOf<'SlaClock'>;
export const SLA_CLOCKS = allOf<SlaClock>()(['CALENDAR', 'BUSINESS']);

export type TicketEventType = EnumOf<'TicketEventType'>;

export type SupervisionLevel = EnumOf<'SupervisionLevel'>;
export const SUPERVISION_LEVELS = allOf<SupervisionLevel>()(['URGE', 'SUPERVISE']);

// Webhook events are strings in the schema (WebhookInput.events: [String!]!), not an enum.
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
  'ticket.supervised',
  'ticket.supervision_replied',
  'ticket.co_handling_requested',
  'ticket.co_handling_accepted',
  'ticket.co_handling_replied',
  'ticket.co_handler_reminded',
  'ticket.co_handler_waived',
  'ticket.linked_to_incident',
  'ticket.unlinked_from_incident',
] as const;

export type SettingsKind = EnumOf<'SettingsKind'>;
export const SETTINGS_KINDS = allOf<SettingsKind>()([
  'SLA_POLICY',
  'CALENDAR',
  'SCOPE_RULE',
  'ROUTING_RULE',
  'USER',
  'API_CLIENT',
  'WEBHOOK',
  'NOTIFICATION_TEMPLATE',
  'SCORECARD_WEIGHTS',
]);

export type ViewVisibility = EnumOf<'ViewVisibility'>;
export const VIEW_VISIBILITIES = allOf<ViewVisibility>()(['PRIVATE', 'DEPARTMENT', 'CENTRE']);
