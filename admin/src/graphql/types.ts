import type {
  Channel,
  CloseReason,
  DemandType,
  DepartmentKind,
  Role,
  Satisfaction,
  SlaClock,
  TicketEventType,
  TicketPriority,
  TicketStatus,
} from './enums';

export interface Department {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
  parent: { id: string; name: string } | null;
  active: boolean;
}

export interface Category {
  id: string;
  code: string;
  name: string;
  parent: { id: string } | null;
}

export type Area = Category;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** False once deactivated. */
  active?: boolean;
  department: { id: string; name: string } | null;
}

export interface Viewer {
  user: User | null;
  role: Role;
  department: { id: string; name: string } | null;
}

export interface EscalationStep {
  level: number;
  after: string;
  notifyDepartment: { id: string; name: string } | null;
}

export interface SlaPolicy {
  id: string;
  name: string;
  priority: TicketPriority;
  clock: SlaClock;
  acceptWithin: string;
  resolveWithin: string;
  remindAt: number[];
  escalation: EscalationStep[];
}

export interface TimeRange {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timezone: string;
  workdays: number[];
  hours: TimeRange[];
  holidays: string[];
  extraWorkdays: string[];
}

export interface TicketSla {
  policy: Pick<SlaPolicy, 'id' | 'name' | 'clock' | 'acceptWithin' | 'resolveWithin'> | null;
  acceptDueAt: string | null;
  dueAt: string | null;
  paused: boolean;
  breached: boolean;
  escalationLevel: number;
}

export interface TicketEvent {
  id: string;
  type: TicketEventType;
  at: string;
  actor: { id: string; name: string; role: Role } | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  department: { id: string; name: string } | null;
  note: string | null;
  level: number | null;
}

export interface Ticket {
  id: string;
  number: string;
  status: TicketStatus;
  priority: TicketPriority;
  demandType: DemandType;
  channel: Channel;
  title: string;
  description: string;
  category: Pick<Category, 'id' | 'code' | 'name'> | null;
  area: Pick<Area, 'id' | 'code' | 'name'> | null;
  address: string | null;
  caller: { name: string | null; phone: string | null };
  department: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  externalRef: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  sla: TicketSla;
  reply: string | null;
  feedback: { satisfaction: Satisfaction; comment: string | null; recordedAt: string } | null;
  closeReason: CloseReason | null;
  events?: { nodes: TicketEvent[] };
}

export interface RoutingConditions {
  categoryCodes: string[];
  areaCodes: string[];
  keywords: string[];
  demandTypes: DemandType[];
  channels: Channel[];
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  department: { id: string; name: string };
  priority: TicketPriority | null;
}

export interface RouteDecision {
  rule: { id: string; name: string; position: number } | null;
  department: { id: string; name: string } | null;
  priority: TicketPriority;
}

export interface RoutePreviewInput {
  title: string;
  description: string;
  demandType: DemandType;
  channel?: Channel;
  categoryCode?: string;
  areaCode?: string;
}

export interface HotlineStats {
  received: number;
  dispatched: number;
  resolved: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  byCategory: { category: { id: string; name: string }; count: number }[];
  byDay: { date: string; count: number }[];
}

export interface ApiClient {
  id: string;
  name: string;
  role: Role;
  department: { id: string; name: string } | null;
  active: boolean;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  attempts: number;
  lastStatus: number | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  deliveries?: { nodes: WebhookDelivery[] };
}
