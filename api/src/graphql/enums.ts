import {
  channels,
  closeReasons,
  coHandlingStatuses,
  demandTypes,
  departmentKinds,
  noteVisibilities,
  roles,
  satisfactions,
  slaClocks,
  supervisionLevels,
  supervisionStatuses,
  ticketEventTypes,
  ticketPriorities,
  ticketStatuses,
} from '@hotline/schema';
import { registerEnumType } from 'type-graphql';

/** Turns a list of names into the object type-graphql registers as a GraphQL enum. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const TicketPriority = enumOf(ticketPriorities);
export const DemandType = enumOf(demandTypes);
export const Channel = enumOf(channels);
export const TicketStatus = enumOf(ticketStatuses);
export const CloseReason = enumOf(closeReasons);
export const Satisfaction = enumOf(satisfactions);
export const Role = enumOf(roles);
export const DepartmentKind = enumOf(departmentKinds);
export const SlaClock = enumOf(slaClocks);
// The contract's event types plus MERGED (a duplicate closed into another ticket).
export const TicketEventType = enumOf(ticketEventTypes);
export const OrderDirection = enumOf(['ASC', 'DESC'] as const);
export const TicketOrderField = enumOf(['CREATED_AT', 'UPDATED_AT', 'DUE_AT', 'NUMBER'] as const);
/** The mutations on an existing ticket, for Ticket.allowedActions. */
export const TicketAction = enumOf([
  'DISPATCH',
  'ACCEPT',
  'ASSIGN',
  'RETURN',
  'REASSIGN',
  'HOLD',
  'RESUME',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'RESOLVE',
  'RECORD_FEEDBACK',
  'CLOSE',
  'MERGE',
  'ADD_NOTE',
  'REQUEST_RETURN',
  'DECIDE_RETURN',
  'SUPERVISE',
  'REPLY_SUPERVISION',
  'ACCEPT_CO_HANDLING',
  'REPLY_CO_HANDLING',
  'REMIND_CO_HANDLER',
  'WAIVE_CO_HANDLER',
  'ADD_ATTACHMENT',
  'LINK_TO_INCIDENT',
  'UNLINK_FROM_INCIDENT',
] as const);
export const NoteVisibility = enumOf(noteVisibilities);
export const SupervisionLevel = enumOf(supervisionLevels);
export const SupervisionStatus = enumOf(supervisionStatuses);
export const CoHandlingStatus = enumOf(coHandlingStatuses);
export const CoordinateSystem = enumOf(['WGS84', 'GCJ02'] as const);

registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(DemandType, { name: 'DemandType' });
registerEnumType(Channel, { name: 'Channel' });
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(CloseReason, { name: 'CloseReason' });
registerEnumType(Satisfaction, { name: 'Satisfaction' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(DepartmentKind, { name: 'DepartmentKind' });
registerEnumType(SlaClock, { name: 'SlaClock' });
registerEnumType(TicketEventType, { name: 'TicketEventType' });
registerEnumType(NoteVisibility, {
  name: 'NoteVisibility',
  description: "INTERNAL: staff only. PUBLIC: also the caller's side and integrations (feed, webhooks).",
});
registerEnumType(OrderDirection, { name: 'OrderDirection' });
registerEnumType(TicketOrderField, { name: 'TicketOrderField' });
registerEnumType(TicketAction, {
  name: 'TicketAction',
  description:
    'A mutation on an existing ticket: DISPATCH is dispatchTicket, RECORD_FEEDBACK recordFeedback, MERGE mergeTicket...',
});
registerEnumType(SupervisionLevel, {
  name: 'SupervisionLevel',
  description:
    'URGE (催办): a reminder to reply by a deadline. SUPERVISE (督办): formal supervision, the stronger one.',
});
registerEnumType(SupervisionStatus, {
  name: 'SupervisionStatus',
  description:
    "OPEN: waiting for the department's reply. REPLIED: answered (replySupervision, or the case resolved). SUPERSEDED: a newer supervision replaced it. ENDED: the case closed or left the departments without a reply.",
});
registerEnumType(CoHandlingStatus, {
  name: 'CoHandlingStatus',
  description:
    "A co-handler's part (协办). PENDING: requested, not yet accepted. ACCEPTED: taken on, reply outstanding. REPLIED: answered to the lead. WAIVED: a manager excused it. CANCELLED: the case left the lead (returned, closed, reassigned or dispatched anew) before the reply.",
});
registerEnumType(CoordinateSystem, {
  name: 'CoordinateSystem',
  description:
    'The datum of coordinates a client sends. WGS84: GPS, OpenStreetMap, Leaflet. GCJ02: the offset datum of Chinese map SDKs (AMap/Gaode, Tencent, WeChat), converted to WGS-84 on arrival. Stored and returned points are always WGS-84.',
});
