import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, logLines, useHotline } from '../support/hotline.js';
import { CREATE_TICKET, ticketInput } from './integration-helpers.js';

const { lines, sink } = logLines();
// A plain logger, without the redaction createLogger adds: what reaches the log is what the code wrote.
const app = useHotline({ role: 'all', log: pino({ level: 'debug' }, sink) });
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
  url = app.url;
  const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN_EMAIL,
    p: ADMIN_PASSWORD,
  });
  token = login.body.data.login.token;
});

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
    // Not even the phone's middle digits, anywhere but in the time, the process id and the ids (UUIDs),
    // which may hold them by chance.
    const written = records
      .map(({ time: _time, pid: _pid, ...record }) => JSON.stringify(record))
      .join('\n')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
    expect(written).not.toContain('1111');
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
    // A phone number is a whole token; a float's digits (0.0138...) may hold "138" by chance.
    expect(text).not.toMatch(/(?<![\d.])(13711112222|138\d{8})(?![\d.])/);
  });
});
