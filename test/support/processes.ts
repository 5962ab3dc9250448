/** Servers a test starts as child processes of its own (a private redis-server, ...), on free ports. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/** Polls until `probe` holds, at most `timeoutMs`; answers whether it did. */
export async function pollUntil(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await sleep(everyMs);
  }
  return false;
}

/** Whether a redis-server answers PING on the port (one loading its append-only file does not yet). */
async function redisAnswers(port: number): Promise<boolean> {
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } finally {
    probe.disconnect();
  }
}

/** A redis-server on 127.0.0.1:`port` with the given extra arguments, once it answers. */
export async function spawnRedis(port: number, args: string[] = []): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args],
    {
      stdio: 'ignore',
    },
  );
  if (!(await pollUntil(() => redisAnswers(port), 20_000, 50))) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on port ${port}`);
  }
  return child;
}

/** Signals a child and waits for its exit (SIGKILL after 20 s). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill(signal);
  });
}

/**
 * The address of a hotline process started with PORT=0 and LOG_LEVEL info, read from its start line
 * (`"port":N`); its output so far is in the error when it exits or takes longer than `timeoutMs`.
 */
export function listeningUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  let output = '';
  return new Promise<string>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        found(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
}
