import type { scopeRules } from '@hotline/schema';

export type ScopeRuleRow = typeof scopeRules.$inferSelect;

export interface ScreenedText {
  title: string;
  description: string;
  /** The ticket's category code and its ancestors' codes. */
  categoryCodes: readonly string[];
}

export interface ScopeMatch {
  rule: ScopeRuleRow;
  advice: string;
  redirectTo: string | null;
  matchedKeywords: string[];
}

/**
 * The first enabled rule (in the order given) whose keywords occur in the text, ignoring case, or
 * whose categories include the ticket's. A hint only: nothing is closed automatically.
 */
export function screenScope(rules: readonly ScopeRuleRow[], text: ScreenedText): ScopeMatch | null {
  const haystack = `${text.title}\n${text.description}`.toLocaleLowerCase();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const matchedKeywords = rule.keywords.filter((keyword) => haystack.includes(keyword.toLocaleLowerCase()));
    const categoryHit = rule.categoryCodes.some((code) => text.categoryCodes.includes(code));
    if (matchedKeywords.length > 0 || categoryHit) {
      return { rule, advice: rule.advice, redirectTo: rule.redirectTo, matchedKeywords };
    }
  }
  return null;
}
