import type postgres from 'postgres';
import { median, medianFigures, type RunFigures, runClosedLoop, runHttp, runPacedHttp } from '../lib/load.js';
import type { HotlineProcess } from '../lib/processes.js';

/** An API figure beside its raw baseline, medians over rounds. */
export interface SideBySide {
  api: RunFigures;
  raw: RunFigures;
  /** API p99 / raw p99 (reads) or API rate / raw rate (writes). */
  ratio: number;
  /** CPU the API process(es) spent per successful operation (median of rounds), in ms. */
  apiCpuMsPerOperation: number;
  rounds: { api: RunFigures; raw: RunFigures; apiCpuMs: number }[];
}

export interface MeasureOptions {
  apis: HotlineProcess[];
  token: string;
  sql: postgres.Sql;
  connections: number;
  seconds: number;
  rounds: number;
  body: (n: number) => string;
  raw: (n: number) => Promise<unknown>;
  /** Requests per second of each client; unset: back to back (saturation). */
  perClientRate?: number;
  /** 'latency': the ratio compares p99s; 'throughput': rates. */
  compare: 'latency' | 'throughput';
  /** Called every 250 ms while the API is under load (memory sampling). */
  onSample?: () => Promise<void>;
}

/**
 * Rounds of the API run then the raw run, back to back, so both see the same machine; the
 * medians of the rounds are reported (a noisy neighbour moves one round, not the median).
 */
export async function measureSideBySide(options: MeasureOptions): Promise<SideBySide> {
  const rounds: SideBySide['rounds'] = [];
  const cpu = async () =>
    (await Promise.all(options.apis.map((api) => api.cpuMs()))).reduce((a, b) => a + b, 0);
  for (let round = 0; round < options.rounds; round++) {
    const cpuBefore = await cpu();
    const api = await sampling(options.onSample, () =>
      (() => {
        const run = {
          urls: options.apis.map((process) => process.url),
          connections: options.connections,
          seconds: options.seconds,
          token: options.token,
          body: options.body,
        };
        return options.perClientRate
          ? runPacedHttp({ ...run, perClientRate: options.perClientRate })
          : runHttp(run);
      })(),
    );
    const apiCpuMs = (await cpu()) - cpuBefore;
    const raw = await runClosedLoop(options.connections, options.seconds, options.raw, options.perClientRate);
    rounds.push({ api, raw, apiCpuMs });
  }
  const api = medianFigures(rounds.map((round) => round.api));
  const raw = medianFigures(rounds.map((round) => round.raw));
  const ratio = options.compare === 'latency' ? api.p99 / raw.p99 : api.perSecond / raw.perSecond;
  const apiCpuMsPerOperation = median(
    rounds.map((round) => round.apiCpuMs / Math.max(round.api.operations, 1)),
  );
  return { api, raw, ratio, apiCpuMsPerOperation, rounds };
}

async function sampling<T>(sample: (() => Promise<void>) | undefined, run: () => Promise<T>): Promise<T> {
  if (!sample) return run();
  const timer = setInterval(() => void sample(), 250);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
