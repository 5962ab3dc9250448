import { registerEnumType } from 'type-graphql';

/** GraphQL names of the caller's languages; values are what PostgreSQL stores. */
export const CallerLanguage = { ZH_CN: 'zh-CN', EN: 'en' } as const;
export const FeedbackChannel = { CALLBACK: 'CALLBACK', SELF_SERVICE: 'SELF_SERVICE' } as const;
export const NotificationEvent = {
  INTAKE: 'INTAKE',
  PUBLIC_NOTE: 'PUBLIC_NOTE',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
} as const;
export const NotificationChannel = { SMS: 'SMS', EMAIL: 'EMAIL' } as const;

registerEnumType(CallerLanguage, {
  name: 'CallerLanguage',
  description: "The caller's language: status page, satisfaction page and notifications.",
});
registerEnumType(FeedbackChannel, {
  name: 'FeedbackChannel',
  description: "CALLBACK: an agent's callback; SELF_SERVICE: the caller's one-time satisfaction link.",
});
registerEnumType(NotificationEvent, { name: 'NotificationEvent' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
