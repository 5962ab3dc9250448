import { DEMO_ARTICLES } from '@hotline/api/services';
import type { TestHotline } from '../support/hotline.js';

export const ARTICLE_FIELDS = `id title body validFrom validTo reviewAt retiredAt usageCount version valid reviewDue
  mayEdit category { code } area { code } ownerDepartment { id }`;

export interface ArticleView {
  id: string;
  title: string;
  body: string;
  validFrom: string;
  validTo: string | null;
  reviewAt: string | null;
  retiredAt: string | null;
  usageCount: number;
  version: number;
  valid: boolean;
  reviewDue: boolean;
  mayEdit: boolean;
  category: { code: string } | null;
  area: { code: string } | null;
  ownerDepartment: { id: string } | null;
}

export async function createArticle(
  app: TestHotline,
  token: string,
  input: Record<string, unknown>,
): Promise<ArticleView> {
  const data = await app.ok<{ createKnowledgeArticle: ArticleView }>(
    `mutation($input: KnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`,
    { input },
    token,
  );
  return data.createKnowledgeArticle;
}

/** The demo knowledge base, created through the API; returns the article ids by title. */
export async function createDemoArticles(
  app: TestHotline,
  token: string,
  validFrom: string,
): Promise<Map<string, string>> {
  const { categories } = await app.ok<{ categories: { id: string; code: string }[] }>(
    '{ categories { id code } }',
    {},
    token,
  );
  const categoryIds = new Map(categories.map((row) => [row.code, row.id]));
  const ids = new Map<string, string>();
  for (const article of DEMO_ARTICLES) {
    const created = await createArticle(app, token, {
      title: article.title,
      body: article.body,
      categoryId: categoryIds.get(article.categoryCode) ?? null,
      validFrom,
    });
    ids.set(article.title, created.id);
  }
  return ids;
}
