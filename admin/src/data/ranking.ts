import { gql } from '../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql';

const ScorecardFields = graphql(`fragment ScorecardFields on DepartmentScorecard {
  volume dispatched acceptedOnTime responseRate resolved excluded resolutionRate resolvedWithDeadline
  resolvedOnTime onTimeResolutionRate feedback satisfied satisfactionRate reopened reopenRate
  returnedTickets returns returnRate supervisedTickets rejectedReturns coHandlingRequests coHandlingExcused
  coHandlingRepliedOnTime coHandlingOnTimeRate score
}`);

const WeightsFields = graphql(`fragment WeightsFields on ScorecardWeights {
  responseRate resolutionRate onTimeResolutionRate satisfactionRate reopenRate returnRate updatedAt updatedBy { id name }
}`);

const RankingQuery = graphql(
  `query DepartmentRanking($from: DateTime!, $to: DateTime!) {
    departmentRanking(from: $from, to: $to) {
      from to previousFrom previousTo asOf
      weights { ...WeightsFields }
      entries { rank overdueNow scoreChange department { id name } current { ...ScorecardFields } previous { score } }
    }
  }`,
  [ScorecardFields, WeightsFields],
);

const DepartmentScorecardQuery = graphql(
  `query DepartmentScorecard($departmentId: ID!, $from: DateTime!, $to: DateTime!) {
    departmentScorecard(departmentId: $departmentId, from: $from, to: $to) {
      from to previousFrom previousTo asOf overdueNow scoreChange
      department { id name }
      current { ...ScorecardFields }
      previous { ...ScorecardFields }
      byDay { date scorecard { ...ScorecardFields } }
    }
  }`,
  [ScorecardFields],
);

const SetWeightsMutation = graphql(
  `mutation SetScorecardWeights($input: ScorecardWeightsInput!) { setScorecardWeights(input: $input) { ...WeightsFields } }`,
  [WeightsFields],
);

export type Scorecard = ResultOf<typeof ScorecardFields>;
export type RankingData = ResultOf<typeof RankingQuery>['departmentRanking'];
export type RankingEntry = RankingData['entries'][number];
export type DepartmentScorecardData = ResultOf<typeof DepartmentScorecardQuery>['departmentScorecard'];
export type ScorecardWeightsInput = VariablesOf<typeof SetWeightsMutation>['input'];

/** Every department ranked by its score over tickets created in [from, to). ADMIN, MANAGER. */
export async function getDepartmentRanking(from: string, to: string): Promise<RankingData> {
  return (await gql(RankingQuery, { from, to })).departmentRanking;
}

/** One department's scorecard, the previous period and one per day. */
export async function getDepartmentScorecard(
  departmentId: string,
  from: string,
  to: string,
): Promise<DepartmentScorecardData> {
  return (await gql(DepartmentScorecardQuery, { departmentId, from, to })).departmentScorecard;
}

export async function setScorecardWeights(input: ScorecardWeightsInput) {
  return (await gql(SetWeightsMutation, { input })).setScorecardWeights;
}
