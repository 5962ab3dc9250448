import { issueFeedbackToken, resolveSecretKey } from '@hotline/api/services';
import { beforeAll, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { postStatus, registerCall, resolveAs } from './citizen-support.js';

// The links are issued by the outbox relay (notifications.test.ts); here they are issued at chosen times.
const app = useHotline({ env: { TRUST_PROXY: '1' } });
let department: string;
let handler: { token: string };

beforeAll(async () => {
  department = (await makeDepartment(app)).id;
  handler = await makeUser(app, 'HANDLER', department);
});

async function linkIssuedAt(ticketId: string, at: Date): Promise<string> {
  // The test servers' ENCRYPTION_KEY (test/support/hotline.ts).
  const key = await resolveSecretKey({
    ENCRYPTION_KEY: 'test-encryption-key-test-encryption-key',
    DATA_DIR: '.data',
  });
  return app.hotline.database.db.transaction((tx) => issueFeedbackToken(tx, key, ticketId, at));
}

it('a satisfaction link lasts 7 days', async () => {
  const ticket = await registerCall(app);
  await resolveAs(app, ticket.id, department, handler.token);
  const day = 24 * 3_600_000;
  const stale = await linkIssuedAt(ticket.id, new Date(Date.now() - 7 * day - 60_000));
  expect((await postStatus(app, 'feedback/check', { token: stale })).status).toBe(404);
  expect((await postStatus(app, 'feedback', { token: stale, satisfaction: 'SATISFIED' })).status).toBe(404);
  const fresh = await linkIssuedAt(ticket.id, new Date(Date.now() - 6 * day));
  expect((await postStatus(app, 'feedback/check', { token: fresh })).status).toBe(200);
  // Issuing a new link ends the earlier one.
  const newer = await linkIssuedAt(ticket.id, new Date());
  expect((await postStatus(app, 'feedback/check', { token: fresh })).status).toBe(404);
  const sent = await postStatus(app, 'feedback', { token: newer, satisfaction: 'SATISFIED' });
  expect(sent.body).toEqual({ feedback: { number: ticket.number, reopened: false } });
});
