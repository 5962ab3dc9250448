import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisHandle {
  /** Options for every ioredis client (BullMQ, rate limits). */
  options: RedisOptions;
  stop(): Promise<void>;
}

/** Connects to REDIS_URL, or starts a private redis-server kept under the data folder. */
export async function openRedis(url: string | undefined, dataDir: string): Promise<RedisHandle> {
  if (url) return { options: optionsFromUrl(url), stop: async () => {} };
  return startPrivateRedis(resolve(dataDir, 'redis'));
}

function optionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

async function startPrivateRedis(dir: string): Promise<RedisHandle> {
  await mkdir(dir, { recursive: true });
  // Unix socket paths are limited to ~100 bytes; fall back to the temp folder for deep checkouts.
  const preferred = join(dir, 'redis.sock');
  const socket = preferred.length < 100 ? preferred : join(tmpdir(), `hotline-redis-${process.pid}.sock`);
  const child = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--unixsocket',
      socket,
      '--unixsocketperm',
      '700',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((ok, fail) => {
    child.once('spawn', ok);
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new Error(
              'redis-server was not found on the PATH. Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.',
            )
          : error,
      ),
    );
  });
  const options: RedisOptions = { path: socket };
  await waitForPing(options, child);
  return { options, stop: () => stopChild(child) };
}

async function waitForPing(options: RedisOptions, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const client = new Redis({
      ...options,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {}); // expected while the server starts
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      await new Promise((wake) => setTimeout(wake, 50));
    } finally {
      client.disconnect();
    }
  }
  throw new Error('redis-server did not answer within 5 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
