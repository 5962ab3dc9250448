import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { runSourcesInChildProcesses, sourceResolution } from './test/support/source-condition.js';

const require = createRequire(import.meta.url);
runSourcesInChildProcesses();

export default defineConfig({
  test: {
    projects: [
      {
        // One graphql module for our code and the CommonJS type-graphql (else "another module or realm").
        resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
        ...sourceResolution,
        test: {
          name: 'server',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/faults/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      'admin/vitest.config.ts',
      {
        // The console in Debian's Chromium against the whole stack (one server, seeded once; files in turn).
        ...sourceResolution,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
