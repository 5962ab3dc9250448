import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { WebhookInput } from './webhooks.input.js';
import * as service from './webhooks.service.js';
import { Webhook, WebhookCreated, WebhookDeliveryConnection } from './webhooks.type.js';

/** The server adds the webhook settings to the GraphQL context (api/src/http/server.ts). */
export type WebhookContext = GraphQLContext & { webhookSettings: service.WebhookSettings };

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'ADMIN only.' })
  webhooks(@Ctx() ctx: GraphQLContext) {
    return service.listWebhooks(ctx);
  }

  @Mutation(() => WebhookCreated)
  createWebhook(@Arg('input', () => WebhookInput) input: WebhookInput, @Ctx() ctx: WebhookContext) {
    return service.createWebhook(ctx, ctx.webhookSettings, input);
  }

  @Mutation(() => ID)
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return service.deleteWebhook(ctx, id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Newest first.' })
  async deliveries(
    @Root() webhook: service.WebhookRow,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await service.listDeliveries(ctx, webhook.id, { first, after }));
  }
}
