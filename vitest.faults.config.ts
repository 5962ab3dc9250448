import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { runSourcesInChildProcesses, sourceResolution } from './test/support/source-condition.js';

const require = createRequire(import.meta.url);
runSourcesInChildProcesses();

/**
 * The fault suite (`pnpm test:faults`): real outages on private PostgreSQL and Redis servers the tests
 * start themselves. Minutes long by design, so not part of `pnpm test`.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  ...sourceResolution,
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
