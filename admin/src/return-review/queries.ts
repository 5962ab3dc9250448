import { gql } from '../graphql/client';
import { graphql } from '../graphql/graphql';

const ReturnReviewQueue = graphql(`
  query ReturnReviewQueue($first: Int) {
    returnReviewQueue(first: $first) {
      totalCount
      nodes {
        id reason createdAt
        department { id name }
        requestedBy { id name }
        ticket { id number title version status sla { dueAt breached } }
      }
    }
  }
`);

const PendingReturnCount = graphql(`query PendingReturnCount { returnReviewQueue(first: 1) { totalCount } }`);

const DecideReturn = graphql(`
  mutation DecideReturnRequest($id: ID!, $approve: Boolean!, $reason: String, $expectedVersion: Int) {
    decideReturn(id: $id, approve: $approve, reason: $reason, expectedVersion: $expectedVersion) { id status }
  }
`);

export const fetchReturnQueue = () =>
  gql(ReturnReviewQueue, { first: 100 }).then((data) => data.returnReviewQueue);
export const fetchPendingReturnCount = () =>
  gql(PendingReturnCount, {}).then((data) => data.returnReviewQueue.totalCount);
export const decideReturnRequest = (variables: {
  id: string;
  approve: boolean;
  reason?: string | null;
  expectedVersion: number;
}) => gql(DecideReturn, variables);
