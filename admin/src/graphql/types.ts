import type { RoutePreviewQuery } from '../data/configuration';
import type {
  ApiClientFields,
  CalendarFields,
  CategoryFields,
  DepartmentFields,
  RouteDecisionFields,
  RoutingRuleFields,
  SlaPolicyFields,
  StatsFields,
  TicketDetailFields,
  TicketEventFields,
  TicketSummaryFields,
  UserFields,
  ViewerFields,
  WebhookDeliveryFields,
  WebhookFields,
} from './fragments';
import type { ResultOf, VariablesOf } from './graphql';

// The shapes the console reads, each inferred from the fragment that selects it (fragments.ts) against
// the served schema: nothing here restates the schema by hand.

export type Department = ResultOf<typeof DepartmentFields>;
export type Category = ResultOf<typeof CategoryFields>;
export type User = ResultOf<typeof UserFields>;
export type Viewer = ResultOf<typeof ViewerFields>;

export type SlaPolicy = ResultOf<typeof SlaPolicyFields>;
export type BusinessCalendar = ResultOf<typeof CalendarFields>;
export type TimeRange = BusinessCalendar['hours'][number];

export type TicketSummary = ResultOf<typeof TicketSummaryFields>;
export type TicketEvent = ResultOf<typeof TicketEventFields>;
/** A ticket as the detail page reads it; list rows carry the summary fields only. */
export type Ticket = Omit<ResultOf<typeof TicketDetailFields>, 'events'> & {
  events?: ResultOf<typeof TicketDetailFields>['events'];
};
/** A mutation the viewer may call on a ticket now, as the server lists it in Ticket.allowedActions. */
export type TicketActionName = Ticket['allowedActions'][number];

export type RoutingRule = ResultOf<typeof RoutingRuleFields>;
export type RoutingConditions = RoutingRule['conditions'];
export type RouteDecision = ResultOf<typeof RouteDecisionFields>;
export type RoutePreviewInput = VariablesOf<typeof RoutePreviewQuery>['input'];

export type HotlineStats = ResultOf<typeof StatsFields>;
export type ApiClient = ResultOf<typeof ApiClientFields>;
export type Webhook = ResultOf<typeof WebhookFields> & {
  deliveries?: { nodes: WebhookDelivery[] };
};
export type WebhookDelivery = ResultOf<typeof WebhookDeliveryFields>;
