import { graphql } from './graphql';

const DepartmentRef = graphql(`fragment DepartmentRef on Department { id name }`);

export const TicketSummaryFields = graphql(
  `fragment TicketSummaryFields on Ticket {
    id number status priority demandType channel title version createdAt updatedAt allowedActions
    location { lat lng }
    category { id code name } area { id code name }
    department { ...DepartmentRef } assignee { id name }
    sla { acceptDueAt dueAt paused breached escalationLevel policy { id name clock acceptWithin resolveWithin } }
    supervision { level status note createdAt dueAt repliedAt reply overdue repliedLate }
    coHandlers { id status dueAt acceptedAt repliedAt reply reminders waiveReason overdue repliedLate department { id name } }
    incident { id number status }
    incidentChildren { totalCount waitingCount }
  }`,
  [DepartmentRef],
);

export const TicketEventFields = graphql(
  `fragment TicketEventFields on TicketEvent {
    id type at note level fromStatus toStatus visibility
    actor { id name role } department { ...DepartmentRef }
    attachments { id fileName media visibility downloadUrl thumbnailUrl }
  }`,
  [DepartmentRef],
);

export const TicketDetailFields = graphql(
  `fragment TicketDetailFields on Ticket {
    ...TicketSummaryFields
    description address externalRef reply closeReason answeredFromArticle { id title }
    caller { name phone }
    feedback { satisfaction comment recordedAt }
    events(first: 100) { nodes { ...TicketEventFields } }
  }`,
  [TicketSummaryFields, TicketEventFields],
);

export const DepartmentFields = graphql(
  `fragment DepartmentFields on Department { id code name kind active parent { ...DepartmentRef } }`,
  [DepartmentRef],
);

export const CategoryFields = graphql(`fragment CategoryFields on Category { id code name parent { id } }`);

export const AreaFields = graphql(`fragment AreaFields on Area { id code name parent { id } }`);

export const UserFields = graphql(
  `fragment UserFields on User { id email name role active department { ...DepartmentRef } }`,
  [DepartmentRef],
);

export const ViewerFields = graphql(
  `fragment ViewerFields on Viewer { role department { ...DepartmentRef } user { ...UserFields } }`,
  [DepartmentRef, UserFields],
);

export const SlaPolicyFields = graphql(
  `fragment SlaPolicyFields on SlaPolicy {
    id name priority clock acceptWithin resolveWithin remindAt
    escalation { level after notifyDepartment { ...DepartmentRef } }
  }`,
  [DepartmentRef],
);

export const CalendarFields = graphql(
  `fragment CalendarFields on BusinessCalendar { timezone workdays hours { start end } holidays extraWorkdays }`,
);

export const RoutingRuleFields = graphql(
  `fragment RoutingRuleFields on RoutingRule {
    id name position enabled priority department { ...DepartmentRef }
    conditions { categoryCodes areaCodes keywords demandTypes channels }
  }`,
  [DepartmentRef],
);

export const RouteDecisionFields = graphql(
  `fragment RouteDecisionFields on RouteDecision {
    priority rule { id name position } department { ...DepartmentRef }
  }`,
  [DepartmentRef],
);

export const ApiClientFields = graphql(
  `fragment ApiClientFields on ApiClient { id name role active department { ...DepartmentRef } }`,
  [DepartmentRef],
);

export const WebhookFields = graphql(`fragment WebhookFields on Webhook { id url events active }`);

export const WebhookDeliveryFields = graphql(
  `fragment WebhookDeliveryFields on WebhookDelivery {
    id eventType attempts lastStatus lastAttemptAt deliveredAt nextAttemptAt
  }`,
);

export const StatsFields = graphql(
  `fragment StatsFields on HotlineStats {
    received dispatched resolved overdue responseRate resolutionRate satisfactionRate
    byCategory { count category { id name } } byDay { date count }
  }`,
);
