import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHotline, type TestHotline } from '../support/hotline.js';

let app: TestHotline;
beforeAll(async () => {
  app = await startTestHotline();
});
afterAll(() => app?.stop());

describe('first start', () => {
  it('seeds the hotline centre, the taxonomy and the ADMIN', async () => {
    const data = await app.ok(
      '{ me { role user { email } } departments { code name kind } categories { code parent { code } } }',
      {},
      app.adminToken,
    );
    expect(data.me).toEqual({ role: 'ADMIN', user: { email: 'admin@test.local' } });
    expect(data.departments).toContainEqual({
      code: 'HOTLINE',
      name: '12345 热线中心',
      kind: 'HOTLINE_CENTER',
    });
    expect(data.categories).toContainEqual({ code: 'HOUSING_PROPERTY_MGMT', parent: { code: 'HOUSING' } });
  });
});
