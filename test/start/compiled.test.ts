import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cloneDatabase } from '../support/database.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, siblingEnvironment } from '../support/hotline.js';
import { listeningUrl, stopChild } from '../support/processes.js';
import { withoutSourceCondition } from '../support/source-condition.js';

/**
 * What `pnpm start` ships: the server compiled by tsc (`scripts/build-server.mjs`, decorator metadata and
 * all) and run by plain `node dist/main.js`, the workspace packages resolved to their `dist/` JavaScript.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess;
let url: string;
let output = '';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    build.stdout.on('data', (chunk) => (log += chunk));
    build.stderr.on('data', (chunk) => (log += chunk));
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${log}`))));
  });
}

beforeAll(async () => {
  // The test processes resolve the packages to their sources (NODE_OPTIONS); production does not.
  const env = { ...process.env, NODE_OPTIONS: withoutSourceCondition(process.env.NODE_OPTIONS) };
  await run(['scripts/build-server.mjs', '--if-stale'], env);
  const databaseUrl = await cloneDatabase();
  const serverEnv = siblingEnvironment(
    { databaseUrl, queuePrefix: `${inject('runPrefix')}-compiled` },
    { LOG_LEVEL: 'info' },
  );
  child = spawn(process.execPath, ['dist/main.js', 'all'], {
    cwd: root,
    env: { ...env, ...serverEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  url = await listeningUrl(child);
}, 120_000);

afterAll(async () => {
  if (child) await stopChild(child, 'SIGTERM');
});

async function gql(query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('the compiled server (node dist/main.js)', () => {
  it('runs JavaScript from dist/, not TypeScript', () => {
    expect(child.spawnargs.slice(1)).toEqual(['dist/main.js', 'all']);
    expect(output).toContain('"msg":"workers started"');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({
      status: 'ready',
      postgres: 'ok',
      redis: 'ok',
    });
  });

  it('signs in and answers a GraphQL query', async () => {
    const login = await gql(
      `mutation { login(email: "${ADMIN_EMAIL}", password: "${ADMIN_PASSWORD}") { token } }`,
    );
    expect(login.errors).toBeUndefined();
    const me = await gql(
      '{ me { role user { email } } tickets(first: 5) { totalCount nodes { id } } }',
      login.data.login.token,
    );
    expect(me).toEqual({
      data: { me: { role: 'ADMIN', user: { email: ADMIN_EMAIL } }, tickets: { totalCount: 0, nodes: [] } },
    });
  });

  it('serves exactly the committed schema (tsc decorator metadata builds what tsx builds)', async () => {
    const introspection = await gql(
      getIntrospectionQuery({
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        inputValueDeprecation: true,
      }),
    );
    expect(introspection.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(introspection.data)));
    const committed = (await readFile(`${root}/schema/schema.graphql`, 'utf8')).replace(/^#.*\n\n/, '');
    expect(`${served}\n`).toBe(committed);
  });
});
