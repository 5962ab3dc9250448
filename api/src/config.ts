import { z } from 'zod';

/** `<per second>/<burst>` (e.g. `100/1000`) or `0` for no limit. */
const rateLimit = z
  .string()
  .regex(/^(0|[1-9]\d*\/[1-9]\d*)$/, 'expected <per second>/<burst>, e.g. 100/1000, or 0')
  .transform((text) => {
    if (text === '0') return null;
    const [perSecond, burst] = text.split('/').map(Number) as [number, number];
    return { perSecond, burst: Math.max(burst, perSecond) };
  });

/** Longest session a token may grant: sessions end at the latest a day after sign-in. */
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds of a lifetime such as `12h`, `90m`, `3600s`, `1d`; null when not one. */
export function durationSeconds(text: string): number | null {
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  return match?.[1] && match[2] ? Number(match[1]) * (UNIT_SECONDS[match[2]] ?? 0) : null;
}

/** Exports of at most this many rows are written in the request; larger ones by a worker. */
export const EXPORT_DIRECT_MAX_ROWS_DEFAULT = 5_000;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Port of the `/metrics` listener of a workers-only process (the API serves /metrics on PORT). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** postgres:// URL; unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Optional read replica for reporting queries. */
  DATABASE_READ_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL cancels an API request's statement after this many ms (QUERY_TOO_COMPLEX); 0: no limit. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * The same for report statements the console waits on (the SLA report scans every ticket of its
   * period: seconds for a city's month); 0: no limit.
   */
  DATABASE_REPORT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** The same for workers and start-up (SLA claims, relays, the demo seed); 0: no limit. */
  DATABASE_WORKER_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** redis:// URL; unset: a private redis-server under DATA_DIR. */
  REDIS_URL: z.string().optional(),
  /** BullMQ key prefix; wrap in braces ({hotline}) for Redis Cluster. */
  QUEUE_PREFIX: z.string().min(1).default('hotline'),
  DATA_DIR: z.string().default('.data'),
  /** Proxies (load balancers) in front of the API whose X-Forwarded-For is believed; 0: none. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Requests per staff session: `<per second>/<burst>` or 0 (not limited). */
  RATE_LIMIT_STAFF: rateLimit.prefault('100/1000'),
  /** Requests without valid credentials per client address (TRUST_PROXY decides the address), as above. */
  RATE_LIMIT_ANONYMOUS: rateLimit.prefault('10/100'),
  /** Lookups and satisfaction answers on the public status page per client address, as above. */
  RATE_LIMIT_STATUS: rateLimit.prefault('1/20'),
  /** The address callers reach this server at, for the links in notifications (status page, satisfaction). */
  PUBLIC_URL: z.string().url().optional(),
  /** SMS provider endpoint (HTTP adapter, docs/integration.md); unset: no SMS. */
  SMS_PROVIDER_URL: z.string().url().optional(),
  /** Bearer token sent to the SMS provider. */
  SMS_PROVIDER_TOKEN: z.string().optional(),
  /** smtp:// or smtps:// URL (user and password in it) for e-mail to callers; unset: no e-mail. */
  SMTP_URL: z.string().url().optional(),
  /** The From: of e-mail to callers. */
  SMTP_FROM: z.string().default('12345 Hotline <hotline@localhost>'),
  /** First notification retry delay in milliseconds; doubles per attempt, capped at 1 hour, for 24 hours. */
  NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /**
   * The Open311 jurisdiction_id this deployment answers to (e.g. `city.gov`); a request naming another
   * answers 404. Unset: jurisdiction_id is accepted and ignored (one jurisdiction per endpoint).
   */
  OPEN311_JURISDICTION_ID: z.string().trim().min(1).max(100).optional(),
  /** Signs session tokens; required in production (generated and kept under DATA_DIR otherwise). */
  JWT_SECRET: z.string().min(32).optional(),
  /** Encrypts webhook secrets at rest; required in production (generated and kept under DATA_DIR otherwise). */
  ENCRYPTION_KEY: z.string().min(32).optional(),
  /** Session token lifetime: a number and s, m, h or d; at most MAX_TOKEN_TTL_SECONDS (24h). */
  TOKEN_TTL: z
    .string()
    .default('12h')
    .refine((ttl) => durationSeconds(ttl) !== null, 'a lifetime such as 12h, 90m or 3600s')
    .refine((ttl) => (durationSeconds(ttl) ?? 0) <= MAX_TOKEN_TTL_SECONDS, 'at most 24h')
    .refine((ttl) => (durationSeconds(ttl) ?? 1) > 0, 'more than 0')
    // In seconds, a form the token signer (jose) reads whatever spacing was used.
    .transform((ttl) => `${durationSeconds(ttl)}s`),
  ADMIN_EMAIL: z.string().email().default('admin@hotline.local'),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * What executes GraphQL operations: `jit` (graphql-jit, each distinct document compiled once) or
   * `graphql-js` (the reference interpreter: a fallback, and the baseline the benchmark compares with).
   */
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  /** How often the SLA tick runs, in milliseconds. */
  SLA_TICK_MS: z.coerce.number().int().min(100).default(2000),
  /** How often workers roll up the days that changes marked (stats and the department ranking), in ms. */
  ROLLUP_MS: z.coerce.number().int().min(100).default(3000),
  /** How often workers look for callers of resolved incidents to resolve with their parent, in ms. */
  INCIDENT_FOLLOW_MS: z.coerce.number().int().min(20).default(1000),
  /** SLA effect jobs (reminders, escalations) one worker process runs at once; up to 100 share a transaction. */
  SLA_EFFECT_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(100),
  /** How long a handed-out SLA effect may stay unapplied (job lost, e.g. Redis flushed) before the tick hands it out again, in ms. */
  SLA_TIMER_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Lock of an SLA effect job in ms: a crashed worker's jobs are retried by another after about this long. */
  SLA_EFFECT_LOCK_MS: z.coerce.number().int().min(1000).default(15_000),
  /** Exports of at most this many rows are written while the request waits; larger ones by a worker. */
  EXPORT_DIRECT_MAX_ROWS: z.coerce.number().int().min(0).default(EXPORT_DIRECT_MAX_ROWS_DEFAULT),
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** How often the outbox relay looks for new events, in milliseconds (bounds webhook latency). */
  WEBHOOK_RELAY_MS: z.coerce.number().int().min(20).default(250),
  /** First webhook retry delay in milliseconds; doubles per attempt, capped at 1 hour. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
  /** How often due deliveries without a BullMQ job (lost by Redis) are enqueued again, in milliseconds. */
  WEBHOOK_SWEEP_MS: z.coerce.number().int().min(100).default(5000),
  /** Largest attachment (photo, document, recording), in bytes. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 * 1024),
  /** Most attachment bytes on one ticket (uploads under way count). */
  ATTACHMENT_TICKET_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  /** How long an upload URL from createAttachmentUpload works, in seconds. */
  ATTACHMENT_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** How long an attachment's download and thumbnail links work, in seconds. */
  ATTACHMENT_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** How often workers remove expired upload reservations and half-stored uploads, in milliseconds. */
  ATTACHMENT_CLEANUP_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * Where attachment files live: `postgres` (embedded default, `attachment_blobs`), `s3` (S3_* below) or
   * `filesystem` (DATA_DIR/attachments).
   */
  ATTACHMENT_STORAGE: z.enum(['postgres', 's3', 'filesystem']).default('postgres'),
  /** S3-compatible endpoint URL (MinIO, Ceph, a cloud's); unset: AWS's endpoint for S3_REGION. */
  S3_ENDPOINT: z.string().url().optional(),
  /** The bucket of attachment files; required when ATTACHMENT_STORAGE=s3. */
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  /** Unset (both): the SDK's default credential chain (environment, instance or task role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** `1`: bucket in the path (MinIO, Ceph and most self-hosted servers); `0`: virtual-hosted style. */
  S3_FORCE_PATH_STYLE: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  DEMO: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; a bad variable stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.ENCRYPTION_KEY) {
    throw new Error('Invalid configuration:\n  ENCRYPTION_KEY: required when NODE_ENV=production');
  }
  if (parsed.data.ATTACHMENT_STORAGE === 's3' && !parsed.data.S3_BUCKET) {
    throw new Error('Invalid configuration:\n  S3_BUCKET: required when ATTACHMENT_STORAGE=s3');
  }
  if (Boolean(parsed.data.S3_ACCESS_KEY_ID) !== Boolean(parsed.data.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Invalid configuration:\n  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither');
  }
  // Demo users share a published password: never in production.
  if (parsed.data.NODE_ENV === 'production' && parsed.data.DEMO) {
    throw new Error('Invalid configuration:\n  DEMO: refused when NODE_ENV=production');
  }
  return parsed.data;
}
