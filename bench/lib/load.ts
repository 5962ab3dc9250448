import autocannon from 'autocannon';

/** What one measured run gives: throughput and latency (ms) of successful operations. */
export interface RunFigures {
  operations: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface HttpRunOptions {
  /** Base URLs of the API processes; connections are spread round-robin over them. */
  urls: string[];
  connections: number;
  seconds: number;
  token: string;
  /** The GraphQL body of the n-th request (varied per request: other ids, other payloads). */
  body: (n: number) => string;
}

let sequence = 0;

/**
 * POSTs GraphQL bodies with autocannon, `connections` requests in flight. A 200 answer that carries
 * `errors` counts as an error, not a success. With several URLs, one autocannon per URL runs at once
 * (connections split evenly) and the figures are summed (throughput) or taken at the worst (latency).
 */
export async function runHttp(options: HttpRunOptions): Promise<RunFigures> {
  const perUrl = Math.max(1, Math.floor(options.connections / options.urls.length));
  const runs = await Promise.all(
    options.urls.map((url) => {
      let errors = 0;
      return new Promise<RunFigures>((resolve, reject) => {
        autocannon(
          {
            url: `${url}/graphql`,
            connections: perUrl,
            duration: options.seconds,
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
            requests: [
              {
                setupRequest: (request) => ({ ...request, body: options.body(sequence++) }),
                onResponse: (status, body) => {
                  if (status !== 200 || body.includes('"errors"')) {
                    if (errors++ < 3)
                      process.stderr.write(`  request failed (${status}): ${body.slice(0, 300)}\n`);
                  }
                },
              },
            ],
          },
          (error, result) => {
            if (error) return reject(error);
            const operations = Math.max(result.requests.total - errors - result.errors - result.timeouts, 0);
            resolve({
              operations,
              perSecond: operations / options.seconds,
              // No answer within the run: no latency to report (not 0 ms).
              p50: operations > 0 ? result.latency.p50 : Number.NaN,
              p99: operations > 0 ? result.latency.p99 : Number.NaN,
              errors: errors + result.errors + result.timeouts,
            });
          },
        );
      });
    }),
  );
  return {
    operations: sum(runs.map((run) => run.operations)),
    perSecond: sum(runs.map((run) => run.perSecond)),
    p50: Math.max(...runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: sum(runs.map((run) => run.errors)),
  };
}

/**
 * The paced load: each client sends `perClientRate` requests a second, the clients' schedules spread
 * over one interval (people are not synchronised), through Node's fetch over keep-alive connections,
 * measured by the same loop as the raw baseline. autocannon's own rate mode is not used for this: it
 * fires every connection in the same millisecond each second and then "corrects" latencies for
 * coordinated omission with a 1 ms expected interval, which inflates p99 many times.
 */
export function runPacedHttp(options: HttpRunOptions & { perClientRate: number }): Promise<RunFigures> {
  let next = 0;
  return runClosedLoop(
    options.connections,
    options.seconds,
    async (n) => {
      const url = options.urls[next++ % options.urls.length]!;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: options.body(n),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) {
        throw new Error(`request failed (${response.status}): ${text.slice(0, 300)}`);
      }
    },
    options.perClientRate,
  );
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The raw baseline: `concurrency` loops each awaiting `operation` back to back for `seconds`
 * (a closed loop, as autocannon's connections are), every latency recorded.
 */
export async function runClosedLoop(
  concurrency: number,
  seconds: number,
  operation: (n: number) => Promise<unknown>,
  perClientRate?: number,
): Promise<RunFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const gap = perClientRate ? 1000 / perClientRate : 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      // Paced clients start spread over one gap, as autocannon's do not all fire at once.
      let next = performance.now() + (gap * client) / concurrency;
      while (performance.now() < until) {
        if (gap) {
          const wait = next - performance.now();
          if (wait > 0) await new Promise((wake) => setTimeout(wake, wait));
          next += gap;
          if (performance.now() >= until) break;
        }
        const started = performance.now();
        try {
          await operation(n++);
          latencies.push(performance.now() - started);
        } catch (error) {
          if (errors++ < 3) process.stderr.write(`  raw operation failed: ${String(error)}\n`);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The medians of several rounds' figures. */
export function medianFigures(rounds: RunFigures[]): RunFigures {
  return {
    operations: median(rounds.map((round) => round.operations)),
    perSecond: median(rounds.map((round) => round.perSecond)),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    errors: sum(rounds.map((round) => round.errors)),
  };
}
