import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClients } from './organisation';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('API clients', () => {
  it('lists the clients the server serves, whichever browser created them', async () => {
    const served = [
      { id: 'k1', name: '市级平台', role: 'INTEGRATION', active: true, department: null },
      { id: 'k2', name: '旧系统', role: 'AGENT', active: false, department: { id: 'd1', name: '市水务局' } },
    ];
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { apiClients: served } })));
    vi.stubGlobal('fetch', fetch);

    const page = await apiClients.getList!({
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });

    expect(page.data.map((client) => client.id).sort()).toEqual(['k1', 'k2']);
    expect(page.total).toBe(2);
    expect(
      JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)).query,
    ).toContain('apiClients');
    expect(localStorage.length).toBe(0);
  });
});
