import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Clock, Logger } from '@hotline/api/services';
import { createLogger, loadConfig } from '@hotline/api/services';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Hotline, type ProcessRole, startHotline } from '../../boot.js';
import { cloneDatabase } from './database.js';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestHotline {
  hotline: Hotline;
  url: string;
  databaseUrl: string;
  queuePrefix: string;
  /** POSTs an operation; `token` is a session token or API key. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email: string, password: string): Promise<string>;
  adminToken: string;
  stop(): Promise<void>;
}

/** How a test server runs. */
export interface HotlineOptions {
  /** The process role (default 'api': HTTP only, no workers). */
  role?: ProcessRole;
  /** The clock the server reads (default the system clock). */
  clock?: Clock;
  /** Configuration over the test defaults (see testEnvironment). */
  env?: Record<string, string>;
  /** The server's logger (default silent, or TEST_LOG_LEVEL); see logLines to read what it writes. */
  log?: Logger;
}

/** A stream that keeps every line written to it, for a logger whose output a test reads. */
export function logLines(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, sink };
}

/** A real server (HTTP, PostgreSQL, Redis) on a fresh database and key prefix. */
export async function startTestHotline(options: HotlineOptions = {}): Promise<TestHotline> {
  const databaseUrl = await cloneDatabase();
  const queuePrefix = `${inject('runPrefix')}-${randomBytes(3).toString('hex')}`;
  const hotline = await startOnDatabase(databaseUrl, queuePrefix, options);
  const url = `http://127.0.0.1:${hotline.port}`;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const result = await gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };
  const login = async (email: string, password: string) => {
    const data = await ok<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    return data.login.token;
  };
  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  return { hotline, url, databaseUrl, queuePrefix, gql, ok, login, adminToken, stop: () => hotline.stop() };
}

/**
 * The server of a test file, or of a describe block when called inside one: started before its tests
 * (before the hooks registered after this call) and stopped after them, like the e2e project's useConsole.
 * Returns a stand-in that reads through to the started server, so it can be used like one from the first
 * beforeAll on. `options` may be a function, for options that a beforeAll registered earlier works out.
 */
export function useHotline(options: HotlineOptions | (() => HotlineOptions) = {}): TestHotline {
  let started: TestHotline | undefined;
  beforeAll(async () => {
    started = await startTestHotline(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TestHotline, {
    get(_target, property) {
      if (!started)
        throw new Error(`the test server starts in beforeAll; ${String(property)} was read before`);
      return Reflect.get(started, property);
    },
  });
}

/** Test configuration of a process on the given database and key prefix. */
function testEnvironment(
  databaseUrl: string,
  queuePrefix: string,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    METRICS_PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: 'test-secret-test-secret-test-secret-123',
    ENCRYPTION_KEY: 'test-encryption-key-test-encryption-key',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    SLA_TICK_MS: '200',
    ...env,
  };
}

function startOnDatabase(
  databaseUrl: string,
  queuePrefix: string,
  options: HotlineOptions,
): Promise<Hotline> {
  return startHotline({
    role: options.role ?? 'api',
    config: loadConfig(testEnvironment(databaseUrl, queuePrefix, options.env)),
    clock: options.clock,
    log: options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
}

/**
 * Another process role (by default a worker process) on the same database and key prefix as `app`,
 * e.g. to run competing workers. Stop it with its `stop()`.
 */
export function startSibling(
  app: Pick<TestHotline, 'databaseUrl' | 'queuePrefix'>,
  options: HotlineOptions = {},
): Promise<Hotline> {
  return startOnDatabase(app.databaseUrl, app.queuePrefix, { role: 'workers', ...options });
}

/** The environment of a separate OS process (e.g. `tsx main.ts workers`) on the same database and prefix. */
export function siblingEnvironment(
  app: Pick<TestHotline, 'databaseUrl' | 'queuePrefix'>,
  env: Record<string, string> = {},
): Record<string, string> {
  return testEnvironment(app.databaseUrl, app.queuePrefix, env);
}

/** The error codes of a result, in order. */
export function codes(result: GraphQLResult): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.code));
}
