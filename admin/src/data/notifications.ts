import { gql } from '../graphql/client';
import { graphql } from '../graphql/graphql';

const TemplatesQuery = graphql(
  `query NotificationTemplates { notificationTemplates { event language subject body isDefault updatedAt } }`,
);
const SaveMutation = graphql(
  `mutation SaveNotificationTemplate($event: NotificationEvent!, $language: CallerLanguage!, $subject: String!, $body: String!) {
    updateNotificationTemplate(event: $event, language: $language, subject: $subject, body: $body) { event language subject body isDefault updatedAt }
  }`,
);
const ResetMutation = graphql(
  `mutation ResetNotificationTemplate($event: NotificationEvent!, $language: CallerLanguage!) {
    resetNotificationTemplate(event: $event, language: $language) { event language subject body isDefault updatedAt }
  }`,
);

export type NotificationTemplateData = Awaited<ReturnType<typeof listNotificationTemplates>>[number];

export async function listNotificationTemplates() {
  return (await gql(TemplatesQuery, {})).notificationTemplates;
}

export async function saveNotificationTemplate(
  template: Pick<NotificationTemplateData, 'event' | 'language' | 'subject' | 'body'>,
) {
  return (await gql(SaveMutation, template)).updateNotificationTemplate;
}

export async function resetNotificationTemplate(
  template: Pick<NotificationTemplateData, 'event' | 'language'>,
) {
  return (await gql(ResetMutation, template)).resetNotificationTemplate;
}
