import { describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';

const app = useHotline();

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
