import { openDatabase, queryRows, sql } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase } from '../support/database.js';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

// DATABASE_URL=postgres://user@localhost/db?host=/var/run/postgresql reaches a PostgreSQL on the same
// machine through its Unix socket (libpq's convention), which postgres.js does not read by itself.

let databaseUrl: string;
let socketUrl: string;
let admin: postgres.Sql;

beforeAll(async () => {
  databaseUrl = await cloneDatabase();
  admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [setting] = await admin<
    { dirs: string }[]
  >`select current_setting('unix_socket_directories') as dirs`;
  const dir = setting!.dirs.split(',')[0]!.trim();
  expect(dir.startsWith('/')).toBe(true);
  const url = new URL(databaseUrl);
  url.searchParams.set('host', dir);
  socketUrl = url.toString();
});

afterAll(async () => {
  await admin?.end();
});

/** The API's sessions on this database: by socket (no client address) and by TCP. */
async function sessions(): Promise<{ socket: number; tcp: number }> {
  const [row] = await admin<{ socket: number; tcp: number }[]>`
    select count(*) filter (where client_addr is null)::int as socket,
           count(*) filter (where client_addr is not null)::int as tcp
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return row!;
}

describe('DATABASE_URL with ?host=<socket directory>', () => {
  it('connects through the Unix socket with the pool settings, and migrates through it', async () => {
    const database = await openDatabase({ url: socketUrl, max: 1 });
    try {
      const [row] = await queryRows<{ address: string | null; mode: string; jit: string }>(
        database.db,
        sql`select inet_server_addr()::text as address, current_setting('plan_cache_mode') as mode,
                   current_setting('jit') as jit`,
      );
      // No server address: the session is not on TCP. The `host` parameter was not sent as a setting.
      expect(row).toEqual({ address: null, mode: 'force_custom_plan', jit: 'off' });
      await migrate(database);
    } finally {
      await database.close();
    }
  });

  describe('a server configured so', () => {
    const app = useHotline(() => ({ env: { DATABASE_URL: socketUrl } }));

    it('serves and stores tickets over the socket only', async () => {
      const ticket = await makeTicket(app, { title: '经套接字登记' });
      const data = await app.ok<{ ticket: { title: string } }>(
        'query($id: ID!) { ticket(id: $id) { title } }',
        { id: ticket.id },
        app.adminToken,
      );
      expect(data.ticket.title).toBe('经套接字登记');
      const [stored] = await admin<{ title: string }[]>`select title from tickets where id = ${ticket.id}`;
      expect(stored?.title).toBe('经套接字登记');
      const { socket, tcp } = await sessions();
      expect(socket).toBeGreaterThan(0);
      expect(tcp).toBe(0);
    });
  });
});
