import { CONFIG_TTL_MS, ShortLivedCache } from './shared-cache.js';

/**
 * Reference rows every ticket page names (departments, categories, areas, SLA policies), by
 * `<kind>:<id>`: they change a few times a year but were read once per request per table (4 of a
 * ticket list's 7 statements). Kept per process for CONFIG_TTL_MS, as the routing rules are; a change
 * made in this process forgets them at once (`forgetReferenceRows`), other processes see it within the
 * TTL. Rows not found are not kept. The request loaders read through it (graphql/loaders.ts).
 */
export const referenceRows = new ShortLivedCache<object>(CONFIG_TTL_MS, 20_000);

/** Call after a change to a department, category, area or SLA policy has committed. */
export function forgetReferenceRows(): void {
  referenceRows.clear();
}
