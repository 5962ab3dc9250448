import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SETTINGS_ACTIONS, SETTINGS_KINDS } from './settings-audit.writer.js';

export const SettingsKind = Object.fromEntries(SETTINGS_KINDS.map((kind) => [kind, kind]));
registerEnumType(SettingsKind, { name: 'SettingsKind', description: 'What kind of setting changed.' });

export const SettingsAction = Object.fromEntries(SETTINGS_ACTIONS.map((action) => [action, action]));
registerEnumType(SettingsAction, { name: 'SettingsAction' });

@ObjectType({
  simpleResolvers: true,
  description: 'One field of a settings entity that a change set to another value.',
})
export class SettingsFieldChange {
  @Field(() => String)
  field!: string;
  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

/** Maps onto a settings_audit row; `changes` and `actor` are field resolvers. */
@ObjectType({
  simpleResolvers: true,
  description: 'One audited change of a setting: who, when, the entity before and after.',
})
export class SettingsChange {
  @Field(() => ID)
  id!: string;
  @Field(() => SettingsKind)
  kind!: string;
  @Field(() => ID, {
    description: 'The entity changed (it may since have been deleted); "1" for the calendar.',
  })
  entityId!: string;
  @Field(() => SettingsAction)
  action!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => String, { description: 'user, client (an API client) or system.' })
  actorKind!: string;
  @Field(() => ID, { nullable: true, description: 'The user or API client that made the change.' })
  actorId!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The entity before; null when created.' })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The entity after; null when deleted.' })
  after!: unknown;
}

@ObjectType({ simpleResolvers: true })
export class SettingsChangeConnection extends Connection(SettingsChange) {}
