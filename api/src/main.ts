import { type ProcessRole, startHotline } from './app.js';
import { loadConfig } from './config.js';

const role = (process.argv[2] ?? 'all') as ProcessRole;
if (!['all', 'api', 'workers'].includes(role)) {
  process.stderr.write(`Unknown role "${role}": use all, api or workers\n`);
  process.exit(2);
}

try {
  const hotline = await startHotline({ role, config: loadConfig() });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    hotline.log.info({ signal }, 'shutting down');
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
