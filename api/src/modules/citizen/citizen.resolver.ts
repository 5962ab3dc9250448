import type { CallerLanguage as CallerLanguageValue, NotificationEvent as EventValue } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { listCallerNotifications } from './caller-notifications.service.js';
import { CallerLanguage, NotificationEvent } from './citizen.enums.js';
import { CallerNotification, NotificationTemplate } from './citizen.type.js';
import { listNotificationTemplates, saveNotificationTemplate } from './notification-templates.service.js';

@Resolver(() => NotificationTemplate)
export class NotificationTemplateResolver {
  @Query(() => [NotificationTemplate], {
    description: 'Every notification in every language (MANAGER, ADMIN).',
  })
  notificationTemplates(@Ctx() ctx: GraphQLContext) {
    return listNotificationTemplates(ctx);
  }

  @Mutation(() => NotificationTemplate, {
    description:
      'Saves the wording of one notification in one language (MANAGER, ADMIN); unknown placeholders are BAD_USER_INPUT.',
  })
  updateNotificationTemplate(
    @Arg('event', () => NotificationEvent) event: EventValue,
    @Arg('language', () => CallerLanguage) language: CallerLanguageValue,
    @Arg('subject', () => String) subject: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return saveNotificationTemplate(ctx, { event, language, subject, body });
  }

  @Mutation(() => NotificationTemplate, { description: 'Back to the built-in wording (MANAGER, ADMIN).' })
  resetNotificationTemplate(
    @Arg('event', () => NotificationEvent) event: EventValue,
    @Arg('language', () => CallerLanguage) language: CallerLanguageValue,
    @Ctx() ctx: GraphQLContext,
  ) {
    return saveNotificationTemplate(ctx, { event, language }, { reset: true });
  }
}

@Resolver(() => Ticket)
export class CallerNotificationResolver {
  @FieldResolver(() => [CallerNotification], {
    description:
      "The caller's SMS and e-mail notifications of this ticket, oldest first (recipients masked).",
  })
  callerNotifications(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return listCallerNotifications(ctx.db, ticket.id);
  }
}
