import { knowledgeArticles } from '@hotline/schema';
import { queryRows, type Tx } from '@hotline/schema/client';
import { type SQL, sql } from 'drizzle-orm';
import { searchGrams } from '../../domain/search-grams.js';

/** Weight of a term found in the body, relative to one found in the title. */
const BODY_WEIGHT = 0.6;

/**
 * Weight of one imaginary rare term added to every query's total: a query that matches a single
 * term ("投诉") cannot score as high as one whose several terms all match, so a threshold tells
 * real matches from chance ones without changing the ranking within a query.
 */
const PRIOR_WEIGHT = 1;

export interface ArticleScore {
  id: string;
  /** 0..1: the rarity-weighted share of the query's known terms the article holds (title counts more). */
  score: number;
}

export interface ScoreOptions {
  /** Which articles compete (validity, category, area, ...); true for all. */
  where: SQL;
  /** Added to the score of the articles it holds for (e.g. the ticket's category). */
  boost?: { when: SQL; by: number };
  minScore: number;
  limit: number;
  offset?: number;
}

/**
 * Ranks articles against a free text by character bigrams (see searchGrams), in one statement:
 * each term weighs by its rarity among the competing articles (inverse document frequency), a term in
 * the title counts more than one in the body, and the score is the share of the query's weight an
 * article holds. Terms no article holds carry no weight, so the filler of a long description does
 * not drown the few words that matter. A knowledge base holds thousands of articles, not millions:
 * a scan with strpos is cheaper than keeping a bigram index, and substring matching needs no tokenizer.
 */
export async function scoreArticles(
  tx: Tx,
  text: string,
  options: ScoreOptions,
): Promise<{ rows: ArticleScore[]; totalCount: number }> {
  const grams = searchGrams(text);
  if (grams.length === 0) return { rows: [], totalCount: 0 };
  const boost = options.boost
    ? sql`case when ${options.boost.when} then ${options.boost.by}::float8 else 0 end`
    : sql`0`;
  const rows = await queryRows<{ id: string; score: number; total: number }>(
    tx,
    sql`
      with query(gram) as (select unnest(array[${sql.join(
        grams.map((gram) => sql`${gram}`),
        sql`, `,
      )}]::text[])),
      candidate as (
        select ${knowledgeArticles.id} as id, lower(${knowledgeArticles.title}) as title,
          lower(${knowledgeArticles.body}) as body, ${boost} as boost
        from ${knowledgeArticles} where ${options.where}
      ),
      hit as (
        select candidate.id, candidate.boost, query.gram, strpos(candidate.title, query.gram) > 0 as in_title
        from candidate join query on strpos(candidate.title, query.gram) > 0 or strpos(candidate.body, query.gram) > 0
      ),
      weight as (
        select gram, ln(1 + (select count(*) from candidate)::float8 / count(*)) as weight from hit group by gram
      ),
      scored as (
        select hit.id,
          sum(weight.weight * case when hit.in_title then 1 else ${BODY_WEIGHT}::float8 end)
            / ((select sum(weight) from weight) + ${PRIOR_WEIGHT}::float8 * ln(1 + (select count(*) from candidate)::float8))
            + max(hit.boost) as score
        from hit join weight using (gram)
        group by hit.id
      )
      select id, score::float8 as score, count(*) over ()::int as total
      from scored where score >= ${options.minScore}::float8
      order by score desc, id
      limit ${options.limit} offset ${options.offset ?? 0}`,
  );
  return {
    rows: rows.map((row) => ({ id: row.id, score: Number(row.score) })),
    totalCount: rows[0]?.total ?? 0,
  };
}

/** A category or area id and every one below it (the trees are shallow). */
export function withDescendants(table: 'categories' | 'areas', id: string): SQL {
  return sql`(with recursive below(id) as (
      select ${id}::uuid union all select child.id from ${sql.identifier(table)} child join below on child.parent_id = below.id
    ) select id from below)`;
}

/** A category or area id, every one below it and every one above it. */
export function withLineage(table: 'categories' | 'areas', id: string): SQL {
  return sql`(with recursive above(id, parent_id) as (
      select id, parent_id from ${sql.identifier(table)} where id = ${id}::uuid
      union all select parent.id, parent.parent_id from ${sql.identifier(table)} parent join above on parent.id = above.parent_id
    ) select id from above union select id from ${withDescendants(table, id)} below)`;
}
