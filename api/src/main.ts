import { type ProcessRole, startHotline } from './app.js';
import { loadConfig } from './config.js';

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
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
