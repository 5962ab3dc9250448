import { loadConfig } from '@hotline/api/services';
import { isDatabaseUnavailable } from '@hotline/schema/db-unavailable';
import { type ProcessRole, startHotline } from './boot.js';

const args = process.argv.slice(2);
const role = (args.find((arg) => !arg.startsWith('--')) ?? 'all') as ProcessRole;
if (!['all', 'api', 'workers'].includes(role)) {
  process.stderr.write(`Unknown role "${role}": use all, api or workers\n`);
  process.exit(2);
}

try {
  // `--demo` is DEMO=1: seed a demo district into an empty database.
  const env = args.includes('--demo') ? { ...process.env, DEMO: '1' } : process.env;
  const hotline = await startHotline({ role, config: loadConfig(env) });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    hotline.log.info({ signal }, 'shutting down');
    // Workers finish their active jobs and requests drain; past this, something hangs: exit anyway.
    setTimeout(() => {
      hotline.log.error('shutdown took over 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    hotline.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // postgres.js can reject a query that nobody awaits any more when PostgreSQL drops a busy
  // connection (seen in the fault suite, test/faults): no caller is left to tell, so it is logged and
  // the process keeps serving. Any other unhandled rejection still ends the process.
  process.on('unhandledRejection', (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    hotline.log.warn({ err: reason }, 'a database query was rejected with nobody waiting for it');
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
