import { createLogger } from '@hotline/api/services';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  codes,
  type GraphQLResult,
  logLines,
  useHotline,
} from '../support/hotline.js';
import { CREATE_TICKET, ticketInput } from './integration-helpers.js';

const PHONE = '13987654321';
const { lines, sink } = logLines();
const app = useHotline({ log: createLogger('info', sink) });
let url: string;

async function gql(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
}

beforeAll(async () => {
  url = app.url;
  // A database that refuses this caller's ticket: PostgreSQL's error then names the whole failing row,
  // and drizzle's error every parameter of the insert.
  await app.hotline.database.db.execute(
    sql.raw(`alter table tickets add constraint refuse_this_caller check (caller_phone <> '${PHONE}')`),
  );
});

describe('logs of a database error', () => {
  it('keep the error and lose the caller phone and the statement values', async () => {
    const login = await gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: ADMIN_EMAIL,
        p: ADMIN_PASSWORD,
      },
    );
    const token = login.data?.login.token as string;
    const result = await gql(
      CREATE_TICKET,
      { input: ticketInput({ callerPhone: PHONE, callerName: '隐私先生', title: '路灯不亮很久了' }) },
      token,
    );
    expect(codes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
    const errors = lines.filter((line) => line.includes('unexpected error in a GraphQL operation'));
    expect(errors).toHaveLength(1);
    const logged = errors[0] ?? '';
    expect(logged).toContain('refuse_this_caller');
    expect(logged).toContain('Failed query: insert into');
    const everything = lines.join('\n');
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(PHONE.slice(3));
    expect(everything).not.toContain('隐私先生');
    expect(everything).not.toContain('路灯不亮很久了');
  });
});
