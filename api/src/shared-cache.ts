import { LRUCache } from 'lru-cache';

/**
 * Configuration read on every ticket change (routing rules, SLA policies, reference codes) is
 * cached per process for a moment. A change made in this process clears it at once; other
 * processes see it within `ttlMs`.
 */
export class ShortLivedCache<V extends {}> {
  private readonly cache: LRUCache<string, V>;
  constructor(ttlMs: number, max = 10_000) {
    this.cache = new LRUCache<string, V>({ max, ttl: ttlMs });
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const value = await load();
    this.cache.set(key, value);
    return value;
  }

  /** The value cached under `key` now, without loading it. */
  peek(key: string): V | undefined {
    return this.cache.get(key);
  }

  set(key: string, value: V): void {
    this.cache.set(key, value);
  }

  /** Forgets one key, so the next `get` loads it again. */
  delete(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** How long another process may act on configuration this one no longer has. */
export const CONFIG_TTL_MS = 2_000;
