import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { User } from '../users/users.type.js';
import { changedFields, listSettingsChanges, type SettingsAuditRow } from './settings-audit.service.js';
import {
  SettingsChange,
  SettingsChangeConnection,
  SettingsFieldChange,
  SettingsKind,
} from './settings-audit.type.js';
import type { SettingsKind as Kind, Snapshot } from './settings-audit.writer.js';

@Resolver(() => SettingsChange)
export class SettingsAuditResolver {
  @Query(() => SettingsChangeConnection, {
    description:
      'Audit of every settings change (SLA policies, calendar, scope and routing rules, users, API clients, webhooks), newest first. MANAGER or ADMIN.',
  })
  async settingsAudit(
    @Ctx() ctx: GraphQLContext,
    @Arg('kind', () => SettingsKind, { nullable: true }) kind?: Kind,
    @Arg('entityId', () => ID, { nullable: true }) entityId?: string,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Changes at or after.' }) from?: Date,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: 'Changes before.' }) to?: Date,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await listSettingsChanges(ctx, { kind, entityId, actorId, from, to, first, after }));
  }

  @FieldResolver(() => [SettingsFieldChange], {
    description:
      'The fields whose values differ between before and after (every field when created or deleted).',
  })
  changes(@Root() change: SettingsAuditRow) {
    return changedFields(change.before as Snapshot | null, change.after as Snapshot | null);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The user who made the change (null for an API client or the system).',
  })
  actor(@Root() change: SettingsAuditRow, @Ctx() ctx: GraphQLContext) {
    return change.actorKind === 'user' && change.actorId ? ctx.loaders.user.load(change.actorId) : null;
  }
}
