import { Writable } from 'node:stream';
import { loadConfig } from '@hotline/api/services';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Hotline, startHotline } from '../../boot.js';
import { cloneDatabase } from '../support/database.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/hotline.js';
import { CREATE_TICKET, ticketInput } from './integration-helpers.js';

const lines: string[] = [];
let hotline: Hotline;
let url: string;
let token: string;

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as any };
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: await cloneDatabase(),
    DATABASE_POOL_SIZE: '3',
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: `${inject('runPrefix')}-ops`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-123',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  });
  hotline = await startHotline({ role: 'all', config, log: pino({ level: 'debug' }, sink) });
  url = `http://127.0.0.1:${hotline.port}`;
  const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN_EMAIL,
    p: ADMIN_PASSWORD,
  });
  token = login.body.data.login.token;
});
afterAll(() => hotline?.stop());

describe('operability', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
  });

  it('echoes x-request-id, makes one when absent, and logs JSON lines with it and no phone numbers', async () => {
    const given = await gql('query CreateProbe { me { role } }', {}, { 'x-request-id': 'req-abc-123' });
    expect(given.response.headers.get('x-request-id')).toBe('req-abc-123');
    const made = await gql(CREATE_TICKET, { input: ticketInput({ callerPhone: '13711112222' }) });
    expect(made.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.errors).toBeUndefined();
    const bad = await gql('{ nope }', {}, { 'x-request-id': 'bad id with spaces' });
    expect(bad.response.headers.get('x-request-id')).not.toBe('bad id with spaces');

    await new Promise((wake) => setTimeout(wake, 300));
    const records = lines.map((line) => JSON.parse(line));
    expect(records.find((record) => record.reqId === 'req-abc-123')).toMatchObject({
      msg: 'request',
      route: '/graphql',
      status: 200,
      operation: 'CreateProbe',
    });
    expect(lines.join('\n')).not.toContain('13711112222');
    expect(lines.join('\n')).not.toContain('1111');
  });

  it('exposes Prometheus metrics: latency by operation, errors by code, queue depths', async () => {
    await gql('query ListForMetrics { tickets(first: 1) { nodes { id } } }');
    await gql('{ ticket(id: 1) { id } }', {}, {});
    await gql('{ nope }');
    await new Promise((wake) => setTimeout(wake, 300));
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/hotline_http_request_duration_seconds_bucket\{[^}]*operation="ListForMetrics"/);
    expect(text).toMatch(/hotline_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} \d+/);
    expect(text).toMatch(/hotline_queue_jobs\{queue="webhook-delivery",state="waiting"\} \d+/);
    expect(text).toContain('hotline_webhook_failures_total');
    expect(text).toContain('hotline_sla_breaches_total');
    expect(text).not.toMatch(/13711112222|138\d{8}/);
  });
});
