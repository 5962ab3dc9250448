import { tickets } from '@hotline/schema';
import type { Database } from '@hotline/schema/client';
import type { Logger } from '../logger.js';
import { runDemoSeed } from './run-demo-seed.js';

/** Days of tickets `pnpm start --demo` seeds (the CLI, `pnpm seed --days N`, does any number). */
const START_DEMO_DAYS = 30;

/**
 * On an empty database: seeds the demo district when asked (`--demo` or DEMO=1), else says how to.
 * A database that already holds tickets is left alone.
 */
export async function offerDemo(database: Database, demo: boolean, log: Logger): Promise<void> {
  const [any] = await database.db.select({ id: tickets.id }).from(tickets).limit(1);
  if (any) return;
  if (!demo) {
    log.info(
      'empty database: `pnpm start --demo` (or DEMO=1) loads a demo district; `pnpm seed --days N` does it separately',
    );
    return;
  }
  await runDemoSeed(database.db, {
    days: START_DEMO_DAYS,
    seed: 12345,
    concurrency: database.kind === 'pglite' ? 1 : 8,
  });
}
