import type { RoutingConditions } from '../graphql/types';

export const EMPTY_CONDITIONS: RoutingConditions = {
  categoryCodes: [],
  areaCodes: [],
  keywords: [],
  demandTypes: [],
  channels: [],
};

export function normalizeConditions(value: Partial<RoutingConditions> | null | undefined): RoutingConditions {
  return {
    categoryCodes: value?.categoryCodes ?? [],
    areaCodes: value?.areaCodes ?? [],
    keywords: value?.keywords ?? [],
    demandTypes: value?.demandTypes ?? [],
    channels: value?.channels ?? [],
  };
}

/** Adds a keyword unless blank or already there (keywords match case-insensitively). */
export function addKeyword(keywords: string[], raw: string): string[] {
  const keyword = raw.trim();
  if (!keyword) return keywords;
  if (keywords.some((existing) => existing.toLowerCase() === keyword.toLowerCase())) return keywords;
  return [...keywords, keyword];
}

export function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((existing) => existing !== item) : [...list, item];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Lookups {
  categoryName: (code: string) => string;
  areaName: (code: string) => string;
}

/** One sentence a manager can check: any-of within a list, all-of across lists. */
export function describeConditions(
  conditions: RoutingConditions,
  lookups: Lookups,
  translate: Translate,
): string {
  const or = translate('hotline.routing.or');
  const parts: string[] = [];
  const add = (key: string, values: string[]) => {
    if (values.length > 0)
      parts.push(translate(`hotline.routing.summary.${key}`, { values: values.join(or) }));
  };
  add('categoryCodes', conditions.categoryCodes.map(lookups.categoryName));
  add('areaCodes', conditions.areaCodes.map(lookups.areaName));
  add(
    'keywords',
    conditions.keywords.map((keyword) => `“${keyword}”`),
  );
  add(
    'demandTypes',
    conditions.demandTypes.map((value) => translate(`enums.DemandType.${value}`)),
  );
  add(
    'channels',
    conditions.channels.map((value) => translate(`enums.Channel.${value}`)),
  );
  if (parts.length === 0) return translate('hotline.routing.summary.any');
  return parts.join(translate('hotline.routing.and'));
}
