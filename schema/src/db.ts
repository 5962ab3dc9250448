import { existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './index.js';
import { withPreparedStatements } from './prepared-statements.js';

/** The application's database handle; PGlite is driven through the same API. */
export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction or the database itself: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The postgres:// URL, when not embedded. */
  url?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent an embedded PGlite is opened under `dataDir`. */
  url?: string;
  dataDir?: string;
  /** Connections in the pool (postgres.js only). */
  max?: number;
  /**
   * PostgreSQL cancels any statement running longer than this many ms (`statement_timeout`, set on
   * every connection of the pool; 0 or absent: no limit). Not applied to the embedded PGlite, which
   * serves one process and cannot cancel a statement.
   */
  statementTimeoutMs?: number;
  /** Called for every SQL statement sent (tests count statements with it). */
  onQuery?: (query: string) => void;
}

/**
 * Where postgres.js connects for a postgres:// URL. As with libpq, `?host=/var/run/postgresql` names
 * the directory of a Unix socket (a PostgreSQL on the same machine: each statement's write skips
 * the loopback TCP stack; docs/performance.md, run F). postgres.js does not read that parameter itself
 * and would send it to the server as a setting, so it is taken out here.
 */
export function postgresTarget(url: string): { url: string; path?: string } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), path: `${host.replace(/\/$/, '')}/.s.PGSQL.${parsed.port || '5432'}` };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

/**
 * The URL of a PostgreSQL on this machine with `?host=` its socket directory, when it listens on one
 * (the bulk seed, the benchmark's servers); any other URL as given.
 */
export function viaLocalSocket(url: string): string {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname) || parsed.searchParams.has('host')) return url;
  const dir = SOCKET_DIRS.find((candidate) => existsSync(`${candidate}/.s.PGSQL.${parsed.port || '5432'}`));
  if (!dir) return url;
  parsed.searchParams.set('host', dir);
  return parsed.toString();
}

/** A postgres.js client for a postgres:// URL, through the socket its `?host=` names (postgresTarget). */
export function postgresClient(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>>,
): postgres.Sql {
  const target = postgresTarget(url);
  return postgres(target.url, { ...options, ...(target.path ? { path: target.path } : {}) });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgresClient(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Statements are prepared once per connection (no re-parse, no describe round trip) but still
      // planned with their values: a generic plan turns the trigram search into a walk of every
      // ticket (docs/performance.md, "Phone search and generic plans").
      // JIT compilation is off: it is meant for long analytic queries, and a misestimated short one
      // (an estimate above jit_above_cost) spent 20-40 ms compiling what runs in 1 ms (issue 14).
      connection: {
        plan_cache_mode: 'force_custom_plan',
        jit: 'off',
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      },
      // Seconds before a lost connection is tried again: postgres.js grows this to 20 s, so after a
      // long outage queries waited that long once PostgreSQL was back (test/faults); 2 s at most.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2) * (0.5 + Math.random() / 2),
      debug: options.onQuery ? (_connection, query) => options.onQuery?.(query) : undefined,
    });
    return {
      db: drizzlePostgres(withPreparedStatements(client), { schema, casing: 'snake_case' }),
      kind: 'postgres',
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function queryRows<T>(
  db: { execute(query: SQL): PromiseLike<unknown> },
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export { sql };
