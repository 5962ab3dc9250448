/**
 * `pnpm bench:attack`: what a normal request costs while someone floods the API with work the bounds
 * refuse (issue 11, item 8). A victim (its own staff session) asks `me` and one ticket in a loop;
 * attackers with another session, or none, send in parallel: costly queries refused before they run,
 * anonymous requests past their rate limit, and costly queries the bounds still allow (searches counted
 * over every ticket). Prints the victim's p50/p99 per phase and what the attackers were answered.
 * Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; defaults 127.0.0.1); runs on a
 * database and key prefix of its own, dropped afterwards.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createLogger, loadConfig } from '@hotline/api/services';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { startHotline } from '../boot.js';

const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 8);

const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `hotline_bench_${runId}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const dbUrl = new URL(baseUrl);
dbUrl.pathname = `/${dbName}`;
const prefix = `hlbench-${runId}`;
const config = loadConfig({
  NODE_ENV: 'test',
  PORT: '0',
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  JWT_SECRET: randomBytes(32).toString('base64url'),
  ADMIN_EMAIL: 'admin@bench.local',
  ADMIN_PASSWORD: 'bench-password-1',
  LOG_LEVEL: 'silent',
});
const hotline = await startHotline({ role: 'api', config, log: createLogger('silent') });
const url = `http://127.0.0.1:${hotline.port}/graphql`;

type Answer = { data?: any; errors?: { extensions?: { code?: string } }[] };
async function gql(query: string, variables: object = {}, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}
const login = async (email: string, password: string) =>
  (
    await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: email,
      p: password,
    })
  ).data.login.token as string;

async function staffToken(adminToken: string, name: string): Promise<string> {
  const email = `${name}@bench.local`;
  await gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, name, password: 'bench-password-1', role: 'MANAGER' } },
    adminToken,
  );
  return login(email, 'bench-password-1');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

try {
  const adminToken = await login('admin@bench.local', 'bench-password-1');
  const victim = await staffToken(adminToken, 'victim');
  const attacker = await staffToken(adminToken, 'attacker');
  const db = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
  const [{ id: creator } = { id: '' }] = await db`select id from users limit 1`;
  await db`
    insert into tickets (number, priority, demand_type, channel, title, description, created_at, updated_at, created_by_id)
    select 'B' || lpad(g::text, 8, '0'), 'ORDINARY', 'REPORT', 'PHONE', '路灯不亮 ' || g,
      md5(g::text) || ' 小区门口路灯连续三晚不亮 ' || md5((g * 7)::text),
      now() - (g || ' minutes')::interval, now(), ${creator}::uuid
    from generate_series(1, ${TICKETS}) g`;
  await db`analyze tickets`;
  const [{ id: ticketId } = { id: '' }] = await db`select id from tickets limit 1`;
  await db.end();

  /** The victim's loop: `me`, then one ticket, 50 a second (within its staff limit) for SECONDS; latencies in ms. */
  async function victimLoop(): Promise<number[]> {
    const latencies: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const started = performance.now();
      const answer =
        i % 2 === 0
          ? await gql('{ me { role } }', {}, victim)
          : await gql('query($id: ID!) { ticket(id: $id) { id number status } }', { id: ticketId }, victim);
      if (answer.errors) throw new Error(`victim refused: ${JSON.stringify(answer.errors)}`);
      const took = performance.now() - started;
      latencies.push(took);
      await new Promise((wake) => setTimeout(wake, Math.max(0, 20 - took)));
    }
    return latencies.sort((a, b) => a - b);
  }

  /** ATTACKERS loops sending `attack` until the victim is done; counts the codes they were answered. */
  async function phase(name: string, attack?: () => Promise<Answer>): Promise<void> {
    const answers = new Map<string, number>();
    let running = true;
    const attackers = attack
      ? Array.from({ length: ATTACKERS }, async () => {
          while (running) {
            const answer = await attack().catch(() => ({ errors: [{ extensions: { code: 'NETWORK' } }] }));
            const code = answer.errors?.[0]?.extensions?.code ?? 'OK';
            answers.set(code, (answers.get(code) ?? 0) + 1);
          }
        })
      : [];
    const latencies = await victimLoop();
    running = false;
    await Promise.all(attackers);
    const attacked = [...answers].map(([code, count]) => `${code} ${count}`).join(', ');
    console.log(
      `${name.padEnd(40)} victim ${latencies.length} requests: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms${attacked ? `; attackers answered ${attacked}` : ''}`,
    );
  }

  const aliases = (count: number, field: string) =>
    Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ');
  const refused = [
    `{ ${aliases(100, 'tickets(first: 1, filter: { status: [NEW] }) { totalCount }')} }`,
    '{ tickets(first: 100, offset: 99999) { nodes { id } } }',
    '{ stats(from: "1990-01-01T00:00:00Z", to: "2090-01-01T00:00:00Z") { received } }',
    `{ tickets(filter: { search: "${'路'.repeat(10_000)}" }) { nodes { id } } }`,
  ];
  let turn = 0;
  console.log(`${TICKETS} tickets, ${ATTACKERS} attackers, ${SECONDS} s a phase`);
  await phase('quiet');
  await phase('refused costly queries (one session)', () =>
    gql(refused[turn++ % refused.length]!, {}, attacker),
  );
  await phase('anonymous flood (one address)', () => gql('{ __typename }'));
  // Allowed by the cost bound (25 x (1 + 100 + 20 + 4) = 3,125): each counts a two-character search
  // (no trigram can help) over every ticket. The staff limit and the statement timeout bound them.
  await phase('costly queries within bounds (one session)', () =>
    gql(`{ ${aliases(25, 'tickets(first: 1, filter: { search: "不亮" }) { totalCount }')} }`, {}, attacker),
  );
} finally {
  await hotline.stop();
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
