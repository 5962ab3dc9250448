import { defaultServerConditions } from 'vite';

/**
 * The workspace packages (`@hotline/schema`, `api`, `workers`) export their compiled `dist/` JavaScript by
 * default, which is what `node dist/main.js` (`pnpm start`) runs, and their TypeScript sources under this
 * condition, which is what tsx, vitest and tsc use. A tool without it would run a stale build, or fail
 * when there is none.
 */
export const SOURCE_CONDITION = '@hotline/source';

const FLAG = `--conditions=${SOURCE_CONDITION}`;

/**
 * Vite's server conditions less `module`: vitest hands these to its test processes as Node's
 * `--conditions`, and under `module` Node's own `require` picks bundler-only builds (the AWS SDK's
 * `dist-es`, whose imports have no file extensions) that Node cannot load. Node in production has no
 * `module` condition either.
 */
const SERVER_CONDITIONS = [SOURCE_CONDITION, ...defaultServerConditions.filter((name) => name !== 'module')];

/** Vite's resolution for a vitest project whose tests run in Node (vitest's ssr environment). */
export const sourceResolution = {
  ssr: { resolve: { conditions: SERVER_CONDITIONS } },
  // vitest loads globalSetup files in its own process through its `__vitest__` environment.
  environments: { __vitest__: { resolve: { conditions: SERVER_CONDITIONS } } },
};

/**
 * Every process the tests start (`node --import tsx main.ts workers`, the e2e server...) inherits the
 * condition through NODE_OPTIONS, so no spawn can pick up a stale `dist/` by forgetting the flag.
 */
export function runSourcesInChildProcesses(): void {
  process.env.NODE_OPTIONS = withSourceCondition(process.env.NODE_OPTIONS);
}

/** NODE_OPTIONS with the source condition added (once). */
export function withSourceCondition(nodeOptions = ''): string {
  return nodeOptions.includes(FLAG) ? nodeOptions : `${nodeOptions} ${FLAG}`.trim();
}

/** NODE_OPTIONS without it: for a process that must run the compiled packages, as in production. */
export function withoutSourceCondition(nodeOptions = ''): string {
  return nodeOptions.replace(FLAG, '').replace(/\s+/g, ' ').trim();
}
