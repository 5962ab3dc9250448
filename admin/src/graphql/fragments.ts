const REF = 'id name';

export const TICKET_SUMMARY = `
  id number status priority demandType channel title version createdAt updatedAt
  category { id code name } area { id code name }
  department { ${REF} } assignee { ${REF} }
  sla { acceptDueAt dueAt paused breached escalationLevel policy { id name clock acceptWithin resolveWithin } }
`;

export const TICKET_DETAIL = `
  ${TICKET_SUMMARY}
  description address externalRef reply closeReason
  caller { name phone }
  feedback { satisfaction comment recordedAt }
  events(first: 100) {
    nodes {
      id type at note level fromStatus toStatus
      actor { id name role } department { ${REF} }
    }
  }
`;

export const DEPARTMENT_FIELDS = `id code name kind active parent { ${REF} }`;

export const USER_FIELDS = `id email name role active department { ${REF} }`;

export const SLA_POLICY_FIELDS = `
  id name priority clock acceptWithin resolveWithin remindAt
  escalation { level after notifyDepartment { ${REF} } }
`;

export const CALENDAR_FIELDS = 'timezone workdays hours { start end } holidays extraWorkdays';

export const ROUTING_RULE_FIELDS = `
  id name position enabled priority department { ${REF} }
  conditions { categoryCodes areaCodes keywords demandTypes channels }
`;

export const API_CLIENT_FIELDS = `id name role active department { ${REF} }`;

export const WEBHOOK_FIELDS = 'id url events active';

export const WEBHOOK_DELIVERY_FIELDS =
  'id eventType attempts lastStatus lastAttemptAt deliveredAt nextAttemptAt';
