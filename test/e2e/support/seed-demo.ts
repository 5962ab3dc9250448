// A child process of the e2e global setup: migrates a fresh database and seeds the demo district into it.
// Run as `tsx test/e2e/support/seed-demo.ts <database url> <days> <end ISO time>`.
import 'reflect-metadata';
import { bulkDatabase, runDemoSeed, seedDefaults } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';

const [url, days, end] = process.argv.slice(2);
if (!url || !days || !end) throw new Error('usage: seed-demo.ts <database url> <days> <end ISO time>');

const database = await openDatabase({ url, max: 2 });
try {
  await migrate(database);
  await seedDefaults(database.db, { email: 'admin@e2e.local', password: 'admin-password-1' });
  const bulk = bulkDatabase(url, 10);
  try {
    const failed = await runDemoSeed(bulk.db, {
      days: Number(days),
      seed: 12345,
      concurrency: 8,
      end: new Date(end),
    });
    process.exitCode = failed ? 1 : 0;
  } finally {
    await bulk.close();
  }
} finally {
  await database.close();
}
