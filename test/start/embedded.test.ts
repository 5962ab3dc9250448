import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl } from '../support/processes.js';

/**
 * The newcomer's path: `pnpm start` with no DATABASE_URL and no REDIS_URL runs on embedded PGlite and a
 * private redis-server under DATA_DIR; a scripted session carries a ticket through its whole life.
 */
let child: ChildProcess;
let dataDir: string;
let url: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hotline-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    ADMIN_EMAIL: 'boss@hotline.local',
    ADMIN_PASSWORD: 'start-password-1',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  child = spawn(join('node_modules', '.bin', 'tsx'), ['main.ts', 'all'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await listeningUrl(child);
}, 90_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function gql(query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('pnpm start on embedded PostgreSQL', () => {
  it('serves health and readiness', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
  });

  it('carries a ticket through its whole life in a scripted session', async () => {
    const admin = (
      await gql('mutation { login(email: "boss@hotline.local", password: "start-password-1") { token } }')
    ).login.token;
    const department = (
      await gql(
        'mutation { createDepartment(input: {code: "WATER", name: "自来水公司", kind: UTILITY}) { id } }',
        admin,
      )
    ).createDepartment.id;
    await gql(
      `mutation { createUser(input: {email: "h@water.cn", name: "王师傅", password: "handler-pass-1", role: HANDLER, departmentId: "${department}"}) { id } }`,
      admin,
    );
    const handler = (
      await gql('mutation { login(email: "h@water.cn", password: "handler-pass-1") { token } }')
    ).login.token;
    const created = (
      await gql(
        'mutation { createTicket(input: {title: "停水", description: "幸福小区停水两天", demandType: HELP_REQUEST, priority: EMERGENCY, callerPhone: "13800001111"}) { id status } }',
        admin,
      )
    ).createTicket;
    expect(created.status).toBe('NEW');
    const id = created.id;
    expect(
      (await gql(`mutation { dispatchTicket(id: "${id}", departmentId: "${department}") { status } }`, admin))
        .dispatchTicket.status,
    ).toBe('DISPATCHED');
    expect(
      (await gql(`mutation { acceptTicket(id: "${id}") { status } }`, handler)).acceptTicket.status,
    ).toBe('IN_PROGRESS');
    expect(
      (
        await gql(
          `mutation { resolveTicket(id: "${id}", reply: "管道已修复，恢复供水") { status } }`,
          handler,
        )
      ).resolveTicket.status,
    ).toBe('RESOLVED');
    const closed = (
      await gql(
        `mutation { recordFeedback(id: "${id}", satisfaction: SATISFIED, comment: "谢谢") { status closeReason feedback { satisfaction } } }`,
        admin,
      )
    ).recordFeedback;
    expect(closed).toEqual({
      status: 'CLOSED',
      closeReason: 'RESOLVED',
      feedback: { satisfaction: 'SATISFIED' },
    });
    const events = (await gql(`{ ticket(id: "${id}") { events { nodes { type actor { email } } } } }`, admin))
      .ticket.events.nodes;
    expect(events.map((event: { type: string }) => event.type)).toEqual([
      'CREATED',
      'DISPATCHED',
      'ACCEPTED',
      'RESOLVED',
      'FEEDBACK_RECORDED',
      'CLOSED',
    ]);
    expect(events[2].actor.email).toBe('h@water.cn');
    const page = (
      await gql('{ tickets(first: 1) { totalCount pageInfo { hasNextPage } nodes { id } } }', handler)
    ).tickets;
    expect(page).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [{ id }] });
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
