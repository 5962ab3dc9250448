import { gql } from '../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql';

const SettingsAuditQuery = graphql(`query SettingsAudit(
  $kind: SettingsKind, $entityId: ID, $actorId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String
) {
  settingsAudit(kind: $kind, entityId: $entityId, actorId: $actorId, from: $from, to: $to, first: $first, after: $after) {
    nodes { id kind entityId action at actorKind actorId actor { id name } before after changes { field before after } }
    pageInfo { hasNextPage endCursor }
  }
}`);

export type SettingsAuditArgs = VariablesOf<typeof SettingsAuditQuery>;
export type SettingsChangeRow = ResultOf<typeof SettingsAuditQuery>['settingsAudit']['nodes'][number];

/** One page of the settings audit, newest first. */
export async function getSettingsAudit(args: SettingsAuditArgs) {
  return (await gql(SettingsAuditQuery, args)).settingsAudit;
}
