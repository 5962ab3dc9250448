import type { EnumName, EnumOf } from '../graphql/graphql';
import { enScreens } from './en-screens';

/** A label for every value of each schema enum the console shows: a value without one is a type error. */
type EnumLabels = {
  [Name in Exclude<EnumName, 'OrderDirection' | 'TicketOrderField' | 'TicketAction'>]: Record<
    EnumOf<Name>,
    string
  >;
};

/** The console's own messages in English; zh.ts must have the same shape. */
export const en = {
  resources: {
    tickets: {
      name: 'Ticket |||| Tickets',
      fields: {
        number: 'Number',
        title: 'Title',
        description: 'Description',
        status: 'Status',
        priority: 'Priority',
        demandType: 'Demand type',
        channel: 'Channel',
        category: 'Category',
        categoryCode: 'Category',
        area: 'Area',
        areaCode: 'Area',
        address: 'Address',
        caller: 'Caller',
        callerName: 'Caller name',
        callerPhone: 'Caller phone',
        department: 'Department',
        departmentId: 'Department',
        assignee: 'Assignee',
        externalRef: 'External ref',
        createdAt: 'Created',
        updatedAt: 'Updated',
        sla: 'SLA',
        reply: 'Reply',
        feedback: 'Feedback',
        closeReason: 'Close reason',
        overdue: 'Overdue only',
        escalated: 'Escalated only',
        search: 'Search',
        autoDispatch: 'Dispatch by rules at once',
      },
    },
    'routing-rules': {
      name: 'Routing rule |||| Routing rules',
      fields: {
        name: 'Name',
        enabled: 'Enabled',
        departmentId: 'Department',
        priority: 'Priority override',
        position: 'Order',
      },
    },
    'sla-policies': {
      name: 'SLA policy |||| SLA policies',
      fields: {
        name: 'Name',
        priority: 'Priority',
        clock: 'Clock',
        acceptWithin: 'Accept within',
        resolveWithin: 'Resolve within',
        remindAt: 'Reminders at',
        escalation: 'Escalation',
        level: 'Level',
        after: 'After the deadline',
        notifyDepartment: 'Notify department',
      },
    },
    departments: {
      name: 'Department |||| Departments',
      fields: { code: 'Code', name: 'Name', kind: 'Kind', parentId: 'Parent', active: 'Active' },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'Email',
        name: 'Name',
        password: 'Password',
        role: 'Role',
        departmentId: 'Department',
        active: 'Active',
      },
    },
    'api-clients': {
      name: 'API client |||| API clients',
      fields: { id: 'ID', name: 'Name', role: 'Role', departmentId: 'Department', active: 'Active' },
    },
    webhooks: {
      name: 'Webhook |||| Webhooks',
      fields: { url: 'URL', events: 'Events', active: 'Active' },
    },
    categories: { name: 'Category |||| Categories' },
    areas: { name: 'Area |||| Areas' },
  },
  enums: {
    SlaDeadline: { ACCEPTANCE: 'Acceptance', RESOLUTION: 'Resolution' },
    SlaBreachCause: {
      ACCEPTED_LATE: 'Accepted late',
      NOT_ACCEPTED: 'Not accepted yet',
      RESOLVED_LATE: 'Resolved late',
      EXTENSION_REFUSED: 'Extension refused',
      LATE_AFTER_EXTENSION: 'Late despite extension',
      RETURNED_LATE: 'Returned after the deadline',
      CLOSED_LATE: 'Withdrawn after the deadline',
      OPEN_PAST_DUE: 'Still open, overdue',
    },
    TicketStatus: {
      NEW: 'Awaiting dispatch',
      DISPATCHED: 'Dispatched',
      IN_PROGRESS: 'In progress',
      ON_HOLD: 'On hold',
      RETURNED: 'Returned',
      RESOLVED: 'Resolved',
      CLOSED: 'Closed',
    },
    TicketPriority: { EMERGENCY: 'Emergency', ORDINARY: 'Ordinary', COMPLEX: 'Complex' },
    DemandType: {
      CONSULTATION: 'Consultation',
      HELP_REQUEST: 'Help request',
      COMPLAINT: 'Complaint',
      REPORT: 'Report',
      SUGGESTION: 'Suggestion',
    },
    Channel: { PHONE: 'Phone', WEB: 'Web', APP: 'App', CITY_PLATFORM: 'City platform', API: 'API' },
    CloseReason: {
      RESOLVED: 'Resolved',
      ANSWERED_DIRECTLY: 'Answered directly',
      OUT_OF_SCOPE: 'Out of scope',
      DUPLICATE: 'Duplicate',
      WITHDRAWN: 'Withdrawn',
    },
    Satisfaction: {
      SATISFIED: 'Satisfied',
      BASICALLY_SATISFIED: 'Basically satisfied',
      DISSATISFIED: 'Dissatisfied',
    },
    Role: {
      ADMIN: 'Administrator',
      MANAGER: 'Manager',
      AGENT: 'Agent',
      HANDLER: 'Handler',
      INTEGRATION: 'Integration',
    },
    DepartmentKind: {
      HOTLINE_CENTER: 'Hotline centre',
      BUREAU: 'Bureau',
      SUB_DISTRICT: 'Sub-district',
      UTILITY: 'Utility',
      OTHER: 'Other',
    },
    SlaClock: { CALENDAR: 'Calendar time', BUSINESS: 'Working time' },
    NoteVisibility: { INTERNAL: 'Internal (staff only)', PUBLIC: 'Public (caller and integrations)' },
    TicketEventType: {
      CREATED: 'Created',
      DISPATCHED: 'Dispatched',
      ACCEPTED: 'Accepted',
      ASSIGNED: 'Assigned',
      RETURNED: 'Returned',
      REASSIGNED: 'Reassigned',
      HELD: 'Put on hold',
      RESUMED: 'Resumed',
      EXTENSION_REQUESTED: 'Extension requested',
      EXTENSION_DECIDED: 'Extension decided',
      EXTENSION_CANCELLED: 'Extension request cancelled',
      RESOLVED: 'Resolved',
      FEEDBACK_RECORDED: 'Feedback recorded',
      REOPENED: 'Reopened',
      CLOSED: 'Closed',
      REMINDER_SENT: 'Reminder sent',
      ESCALATED: 'Escalated',
      MERGED: 'Merged as duplicate',
      NOTE_ADDED: 'Note',
    },
  } satisfies EnumLabels,
  hotline: enScreens,
};

export type AppMessages = typeof en;
