import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';

const app = useHotline();

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  it('passes every MUST audit against the live server', async () => {
    const audits = serverAudits({ url: `${app.url}/graphql` });
    const results = await Promise.all(audits.map(async (audit) => ({ audit, result: await audit.fn() })));
    const must = results.filter(({ audit }) => audit.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    const failed = must
      .filter(({ result }) => result.status !== 'ok')
      .map(({ audit, result }) => `${audit.name}: ${'reason' in result ? result.reason : result.status}`);
    expect(failed).toEqual([]);
    const warned = results.filter(({ result }) => result.status !== 'ok').map(({ audit }) => audit.name);
    console.info(
      `graphql-http: ${must.length} MUST audits ok; ${warned.length} SHOULD/MAY not met:\n${warned.join('\n')}`,
    );
  });
});
