import { spawnSync } from 'node:child_process';
import { loadConfig } from '@hotline/api/services';
import { describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';

const app = useHotline();

describe('security headers', () => {
  it.each(['/admin/', '/admin/tickets/123/show'])('guard the console at %s', async (path) => {
    const response = await fetch(`${app.url}${path}`);
    await response.body?.cancel();
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]),
    );
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('tell browsers not to sniff GraphQL answers', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.body?.cancel();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('DEMO', () => {
  it('is refused in production, where demo users and their shared password must never exist', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'y'.repeat(32) };
    expect(() => loadConfig({ ...production, DEMO: '1' })).toThrow(/DEMO: refused when NODE_ENV=production/);
    expect(loadConfig({ ...production, DEMO: '0' }).DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DEMO: '1' }).DEMO).toBe(true);
  });

  it('pnpm seed is refused in production too, before it opens any database', () => {
    const seed = spawnSync('pnpm', ['-s', 'seed', '--days', '1'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        ENCRYPTION_KEY: 'y'.repeat(32),
        // Unreachable on purpose: a seed that got past the check would fail differently.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      },
    });
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/refused when NODE_ENV=production/);
  });
});
