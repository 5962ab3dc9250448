import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import { seedDefaults } from '../bootstrap/seed-defaults.js';
import { loadConfig } from '../config.js';
import { bulkDatabase } from './bulk-database.js';
import { runDemoSeed } from './run-demo-seed.js';

// `pnpm seed [--days N] [--seed S] [--concurrency C]`: the demo district on DATABASE_URL or the embedded database.
const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '180' },
    seed: { type: 'string', default: '12345' },
    concurrency: { type: 'string', default: '16' },
  },
});
const days = Number(values.days);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(days) || days < 1 || days > 3650 || !Number.isInteger(seed) || !(concurrency >= 1)) {
  process.stderr.write('Usage: pnpm seed [--days 1..3650] [--seed <integer>] [--concurrency <n>]\n');
  process.exit(2);
}

const config = loadConfig();
if (config.NODE_ENV === 'production') {
  // The demo users share a published password: never on a real installation.
  process.stderr.write(
    'pnpm seed is refused when NODE_ENV=production (its demo users share a published password)\n',
  );
  process.exit(2);
}
if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: join(config.DATA_DIR, 'pglite'),
  max: concurrency + 2,
});
try {
  await migrate(database);
  const seeded = await seedDefaults(database.db, {
    email: config.ADMIN_EMAIL,
    password: config.ADMIN_PASSWORD,
  });
  if (seeded.generatedAdminPassword) {
    process.stdout.write(
      `Created ADMIN ${config.ADMIN_EMAIL} with password ${seeded.generatedAdminPassword} (shown once)\n`,
    );
  }
  const bulk = database.url ? bulkDatabase(database.url, concurrency + 2) : null;
  try {
    const failed = await runDemoSeed(bulk?.db ?? database.db, {
      days,
      seed,
      concurrency: bulk ? concurrency : 1,
      deferIndexes: bulk !== null,
    });
    process.exitCode = failed ? 1 : 0;
  } finally {
    await bulk?.close();
  }
} finally {
  await database.close();
}
