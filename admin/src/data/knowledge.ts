import { gql } from '../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql';
import { notFound, type ResourceHandlers, wholeListResource } from './resource';

export const KnowledgeArticleFields = graphql(`
  fragment KnowledgeArticleFields on KnowledgeArticle {
    id title body validFrom validTo reviewAt retiredAt usageCount version valid reviewDue mayEdit updatedAt
    category { id name } area { id name } ownerDepartment { id name }
  }
`);

export type KnowledgeArticle = ResultOf<typeof KnowledgeArticleFields>;

/** An article as the forms edit it: the references as ids. */
const withIds = (article: KnowledgeArticle) => ({
  ...article,
  categoryId: article.category?.id ?? null,
  areaId: article.area?.id ?? null,
  ownerDepartmentId: article.ownerDepartment?.id ?? null,
});

const ListQuery = graphql(
  `query KnowledgeArticles($search: String, $categoryId: ID, $validAt: DateTime, $first: Int, $offset: Int) {
    knowledgeArticles(search: $search, categoryId: $categoryId, validAt: $validAt, first: $first, offset: $offset) {
      totalCount nodes { ...KnowledgeArticleFields }
    }
  }`,
  [KnowledgeArticleFields],
);

const OneQuery = graphql(
  `query KnowledgeArticle($id: ID!) {
    knowledgeArticle(id: $id) { ...KnowledgeArticleFields history { id action at actor { id name } } }
  }`,
  [KnowledgeArticleFields],
);

const CreateMutation = graphql(
  `mutation CreateKnowledgeArticle($input: KnowledgeArticleInput!) {
    createKnowledgeArticle(input: $input) { ...KnowledgeArticleFields }
  }`,
  [KnowledgeArticleFields],
);

const UpdateMutation = graphql(
  `mutation UpdateKnowledgeArticle($id: ID!, $input: KnowledgeArticleInput!, $expectedVersion: Int) {
    updateKnowledgeArticle(id: $id, input: $input, expectedVersion: $expectedVersion) { ...KnowledgeArticleFields }
  }`,
  [KnowledgeArticleFields],
);

const RetireMutation = graphql(
  `mutation RetireKnowledgeArticle($id: ID!) { retireKnowledgeArticle(id: $id) { ...KnowledgeArticleFields } }`,
  [KnowledgeArticleFields],
);

type ArticleInput = VariablesOf<typeof CreateMutation>['input'];

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

function articleInput(data: Record<string, unknown>): ArticleInput {
  return {
    title: data.title,
    body: data.body,
    categoryId: blankToNull(data.categoryId),
    areaId: blankToNull(data.areaId),
    ownerDepartmentId: blankToNull(data.ownerDepartmentId),
    validFrom: blankToNull(data.validFrom),
    validTo: blankToNull(data.validTo),
    reviewAt: blankToNull(data.reviewAt),
  } as ArticleInput;
}

export const knowledgeArticles: ResourceHandlers = {
  getList: async ({ filter = {}, pagination }) => {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    const { knowledgeArticles } = await gql(ListQuery, {
      search: filter.q || null,
      categoryId: filter.categoryId || null,
      validAt: filter.validNow ? new Date().toISOString() : null,
      first: Math.min(perPage, 100),
      offset: (page - 1) * perPage,
    });
    return { data: knowledgeArticles.nodes.map(withIds), total: knowledgeArticles.totalCount };
  },
  getOne: async ({ id }) => {
    const { knowledgeArticle } = await gql(OneQuery, { id: String(id) });
    return {
      data: knowledgeArticle
        ? { ...withIds(knowledgeArticle), history: knowledgeArticle.history }
        : notFound(),
    };
  },
  create: async ({ data }) => {
    const { createKnowledgeArticle } = await gql(CreateMutation, { input: articleInput(data) });
    return { data: withIds(createKnowledgeArticle) };
  },
  update: async ({ id, data, previousData }) => {
    const { updateKnowledgeArticle } = await gql(UpdateMutation, {
      id: String(id),
      input: articleInput(data),
      expectedVersion: (previousData as { version?: number } | undefined)?.version ?? null,
    });
    return { data: withIds(updateKnowledgeArticle) };
  },
};

/** Ends an article's validity now. */
export async function retireKnowledgeArticle(id: string) {
  return withIds((await gql(RetireMutation, { id })).retireKnowledgeArticle);
}

const SuggestQuery = graphql(
  `query SuggestArticles($text: String!, $categoryId: ID, $areaId: ID) {
    suggestArticles(text: $text, categoryId: $categoryId, areaId: $areaId, first: 5) {
      score article { id title body reviewDue usageCount }
    }
  }`,
);

export type ArticleSuggestion = ResultOf<typeof SuggestQuery>['suggestArticles'][number];

/** Articles in force that likely answer what the agent is typing. */
export async function suggestArticles(
  text: string,
  categoryId?: string | null,
  areaId?: string | null,
): Promise<ArticleSuggestion[]> {
  return (await gql(SuggestQuery, { text, categoryId: categoryId ?? null, areaId: areaId ?? null }))
    .suggestArticles;
}

export const CannedReplyFields = graphql(`
  fragment CannedReplyFields on CannedReply { id title body mayEdit updatedAt department { id name } }
`);

export type CannedReply = ResultOf<typeof CannedReplyFields>;

const withDepartmentId = (reply: CannedReply) => ({ ...reply, departmentId: reply.department?.id ?? null });

const RepliesQuery = graphql(`query CannedReplies { cannedReplies { ...CannedReplyFields } }`, [
  CannedReplyFields,
]);
const CreateReply = graphql(
  `mutation CreateCannedReply($input: CannedReplyInput!) { createCannedReply(input: $input) { ...CannedReplyFields } }`,
  [CannedReplyFields],
);
const UpdateReply = graphql(
  `mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {
    updateCannedReply(id: $id, input: $input) { ...CannedReplyFields }
  }`,
  [CannedReplyFields],
);
const DeleteReply = graphql(`mutation DeleteCannedReply($id: ID!) { deleteCannedReply(id: $id) { id } }`);
const RenderReply = graphql(
  `query RenderCannedReply($id: ID!, $ticketId: ID!) { renderCannedReply(id: $id, ticketId: $ticketId) }`,
);

type ReplyInput = VariablesOf<typeof CreateReply>['input'];
const replyInput = (data: Record<string, unknown>) =>
  ({ title: data.title, body: data.body, departmentId: blankToNull(data.departmentId) }) as ReplyInput;

export const fetchCannedReplies = async () =>
  (await gql(RepliesQuery, {})).cannedReplies.map(withDepartmentId);

export const cannedReplies: ResourceHandlers = {
  ...wholeListResource(fetchCannedReplies, ['title', 'body']),
  create: async ({ data }) => ({
    data: withDepartmentId((await gql(CreateReply, { input: replyInput(data) })).createCannedReply),
  }),
  update: async ({ id, data }) => ({
    data: withDepartmentId(
      (await gql(UpdateReply, { id: String(id), input: replyInput(data) })).updateCannedReply,
    ),
  }),
  delete: async ({ id, previousData }) => {
    await gql(DeleteReply, { id: String(id) });
    return { data: previousData ?? { id } };
  },
};

/** A canned reply filled from the ticket, ready to edit and send. */
export async function renderCannedReply(id: string, ticketId: string): Promise<string> {
  return (await gql(RenderReply, { id, ticketId })).renderCannedReply;
}
