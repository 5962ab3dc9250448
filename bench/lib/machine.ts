import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type postgres from 'postgres';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1, 5 and 15 minute load averages (uptime). */
  loadAverage: number[];
  node: string;
  postgres: string;
  redis: string;
  postgresSettings: Record<string, string>;
}

function redisVersion(): string {
  try {
    return (
      execFileSync('redis-cli', ['info', 'server'], { encoding: 'utf8' }).match(/redis_version:(\S+)/)?.[1] ??
      '?'
    );
  } catch {
    return 'unknown (redis-cli not found)';
  }
}

export async function describeMachine(sql: postgres.Sql): Promise<Machine> {
  const [version] = await sql<{ version: string }[]>`select version()`;
  const settings = await sql<{ name: string; setting: string; unit: string | null }[]>`
    select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'work_mem', 'max_connections', 'synchronous_commit', 'max_wal_size',
      'max_parallel_workers_per_gather', 'effective_cache_size')`;
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    node: process.version,
    postgres: version!.version.split(' on ')[0]!,
    redis: redisVersion(),
    postgresSettings: Object.fromEntries(
      settings.map((row) => [row.name, row.unit ? `${row.setting} (${row.unit})` : row.setting]),
    ),
  };
}

export const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));
