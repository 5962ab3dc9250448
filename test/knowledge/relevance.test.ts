import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { createDemoArticles } from './knowledge-support.js';
import { LABELLED_QUERIES } from './labelled-queries.js';

const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });
let agent: string;
let ids: Map<string, string>;

beforeAll(async () => {
  const manager = (await makeUser(app, 'MANAGER')).token;
  agent = (await makeUser(app, 'AGENT')).token;
  ids = await createDemoArticles(app, manager, '2025-01-01T00:00:00Z');
});

interface Measured {
  precisionAt1: number;
  recallAt3: number;
  misses: string[];
}

/** Precision@1 and recall@3 of a ranking over the labelled set (one right answer per query). */
async function measure(rank: (query: string) => Promise<string[]>): Promise<Measured> {
  let first = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, answer } of LABELLED_QUERIES) {
    const ranked = await rank(query);
    const expected = ids.get(answer);
    if (ranked[0] === expected) first++;
    if (ranked.slice(0, 3).includes(expected!)) top3++;
    else misses.push(query);
  }
  return { precisionAt1: first / LABELLED_QUERIES.length, recallAt3: top3 / LABELLED_QUERIES.length, misses };
}

describe('relevance on the labelled set', () => {
  it('labels only articles that exist', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(40);
    for (const { answer } of LABELLED_QUERIES) expect(ids.has(answer), answer).toBe(true);
  });

  it('knowledge search: precision@1 and recall@3 of at least 0.9', async () => {
    const measured = await measure(async (search) => {
      const data = await app.ok<{ knowledgeArticles: { nodes: { id: string }[] } }>(
        'query($search: String) { knowledgeArticles(search: $search, first: 3) { nodes { id } } }',
        { search },
        agent,
      );
      return data.knowledgeArticles.nodes.map((node) => node.id);
    });
    console.info(
      `knowledge search over ${LABELLED_QUERIES.length} labelled queries: precision@1 ${measured.precisionAt1.toFixed(3)}, recall@3 ${measured.recallAt3.toFixed(3)}; missed: ${measured.misses.join(' | ') || 'none'}`,
    );
    expect(measured.precisionAt1).toBeGreaterThanOrEqual(0.9);
    expect(measured.recallAt3).toBeGreaterThanOrEqual(0.9);
  });

  it('intake suggestions: precision@1 and recall@3 of at least 0.9', async () => {
    const measured = await measure(async (text) => {
      const data = await app.ok<{ suggestArticles: { article: { id: string } }[] }>(
        'query($text: String!) { suggestArticles(text: $text, first: 3) { article { id } } }',
        { text },
        agent,
      );
      return data.suggestArticles.map((suggestion) => suggestion.article.id);
    });
    console.info(
      `intake suggestions over ${LABELLED_QUERIES.length} labelled queries: precision@1 ${measured.precisionAt1.toFixed(3)}, recall@3 ${measured.recallAt3.toFixed(3)}; missed: ${measured.misses.join(' | ') || 'none'}`,
    );
    expect(measured.precisionAt1).toBeGreaterThanOrEqual(0.9);
    expect(measured.recallAt3).toBeGreaterThanOrEqual(0.9);
  });

  it('suggests nothing for a demand no article is about', async () => {
    for (const text of ['请问今天天气怎么样', '谢谢你们', '你们几点下班', 'hello']) {
      const data = await app.ok<{ suggestArticles: unknown[] }>(
        'query($text: String!) { suggestArticles(text: $text) { score } }',
        { text },
        agent,
      );
      expect(data.suggestArticles, text).toEqual([]);
    }
  });
});
