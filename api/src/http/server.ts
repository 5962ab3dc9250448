import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { Db } from '@hotline/schema/client';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { GraphQLContext } from '../graphql/context.js';
import { makeFormatError } from '../graphql/format-error.js';
import { inputTextPlugin } from '../graphql/input-text.js';
import { jitGateway } from '../graphql/jit-executor.js';
import {
  costLimitPlugin,
  limitParseOptions,
  limitValidationRules,
  mapLimitErrors,
} from '../graphql/limits.js';
import { onePasswordFieldRule } from '../graphql/limits-password.js';
import { ApiRateLimiter, mutationRatePlugin } from '../graphql/limits-rate.js';
import { createLoaders } from '../graphql/loaders.js';
import { attachmentLinkKey } from '../modules/attachments/attachment-links.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import { openAttachmentStorage } from '../modules/attachments/open-attachment-storage.js';
import { open311Router } from '../modules/open311/open311.router.js';
import { resolveSecretKey } from '../modules/webhooks/webhook-secrets.js';
import type { WebhookSettings } from '../modules/webhooks/webhooks.service.js';
import { attachmentRoutes } from './attachment-routes.js';
import { exportDownloadHandler, openExportQueue } from './export-download.js';
import { HttpMetrics } from './http-metrics.js';
import { type RequestLocals, requestLog } from './request-log.js';
import { baseSecurityHeaders, consoleSecurityHeaders } from './security-headers.js';
import { statusRoutes } from './status-routes.js';

export interface HttpDeps {
  db: Db;
  /** Read replica for reports, when configured. */
  readDb?: Db;
  redis: Redis;
  clock: Clock;
  signer: TokenSigner;
  log: Logger;
  schema: GraphQLSchema;
  production: boolean;
  /** The process configuration (key prefix, webhook policy, encryption key). */
  config?: Config;
  /**
   * Depth, alias, token, cost and rate limits; true unless turned off for the benchmark that
   * measures what they cost. Never off in a deployment: there is no setting for it.
   */
  limits?: boolean;
}

type Context = GraphQLContext & { webhookSettings: WebhookSettings; http: RequestLocals };

const adminDist = fileURLToPath(new URL('../../../admin/dist', import.meta.url));
const MAX_BODY = '1mb';

/** The HTTP face of the API: /graphql, health, readiness, metrics, and the admin console at /admin. */
export async function createHttpServer(
  deps: HttpDeps,
): Promise<{ server: Server; stop: () => Promise<void> }> {
  const limits = deps.limits ?? true;
  const prefix = deps.config?.QUEUE_PREFIX ?? 'hotline';
  const webhookSettings: WebhookSettings = {
    secretKey: await resolveSecretKey(deps.config ?? { DATA_DIR: '.data' }),
    refusePrivate: deps.production && !deps.config?.WEBHOOK_ALLOW_PRIVATE,
  };
  // Redis going away is reported by /readyz; log it once per outage instead of crashing on 'error'.
  let redisDown = false;
  deps.redis.on('error', (error) => {
    if (!redisDown) deps.log.warn({ err: error }, 'Redis connection lost');
    redisDown = true;
  });
  deps.redis.on('ready', () => {
    redisDown = false;
  });
  const metrics = new HttpMetrics({ client: deps.redis, prefix });
  const rateLimiter = new ApiRateLimiter({
    db: deps.db,
    redis: deps.redis,
    prefix,
    staff: deps.config?.RATE_LIMIT_STAFF,
    anonymous: deps.config?.RATE_LIMIT_ANONYMOUS,
  });
  const exportQueue = openExportQueue(deps.redis, prefix, deps.log);
  const attachments: AttachmentSettings = {
    storage: await openAttachmentStorage(deps.config, deps.db),
    maxBytes: deps.config?.ATTACHMENT_MAX_BYTES ?? 20 * 1024 * 1024,
    ticketMaxBytes: deps.config?.ATTACHMENT_TICKET_MAX_BYTES ?? 100 * 1024 * 1024,
    uploadTtlSeconds: deps.config?.ATTACHMENT_UPLOAD_TTL_SECONDS ?? 900,
    linkTtlSeconds: deps.config?.ATTACHMENT_LINK_TTL_SECONDS ?? 300,
    linkKey: attachmentLinkKey(webhookSettings.secretKey),
    publicUrl: deps.config?.PUBLIC_URL,
  };
  const loginThrottle = limits ? new LoginThrottle({ redis: deps.redis, prefix }) : null;

  const app = express();
  app.disable('x-powered-by');
  // The client's address (sign-in throttling, anonymous rate limit) comes from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', deps.config?.TRUST_PROXY ?? 0);
  const server = createServer(app);
  const formatError = mapLimitErrors(makeFormatError(deps.log));
  const apollo = new ApolloServer<Context>({
    // Compiled execution (graphql-jit) of the same schema unless configured off: see jit-executor.ts.
    ...((deps.config?.GRAPHQL_EXECUTOR ?? 'jit') === 'jit'
      ? { gateway: jitGateway(deps.schema) }
      : { schema: deps.schema }),
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    parseOptions: limits ? limitParseOptions : {},
    // One password check per request holds even in the benchmark without limits.
    validationRules: [onePasswordFieldRule, ...(limits ? limitValidationRules() : [])],
    formatError: (formatted, error) => {
      const result = stripContextPrefix(formatError(formatted, error));
      metrics.graphqlErrors.inc({ code: String(result.extensions?.code ?? 'UNKNOWN') });
      return result;
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 5_000 }),
      // No cache hints are used; the default cache-control plugin would instrument every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      operationNamePlugin(),
      inputTextPlugin(),
      ...(limits ? [costLimitPlugin(), mutationRatePlugin(rateLimiter)] : []),
    ],
  });
  await apollo.start();

  app.use(requestLog(deps.log, metrics));
  app.use(baseSecurityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      deps.db.execute('select 1' as never),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const [postgres, redis] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : 'down'));
    const ready = postgres === 'ok' && redis === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', postgres, redis });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.text());
  });

  app.get('/exports/:id/download', exportDownloadHandler(deps.db, deps.clock));
  app.use('/attachments', attachmentRoutes({ db: deps.db, clock: deps.clock, settings: attachments }));

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const locals = res.locals as RequestLocals;
        const viewer = await authenticate(deps.db, deps.signer, req.headers.authorization);
        if (viewer.id) locals.viewer = `${viewer.kind}:${viewer.id}`;
        // The client's address (throttles) comes from X-Forwarded-For only through TRUST_PROXY proxies.
        const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        if (limits) await rateLimiter.check(viewer, clientAddress);
        return {
          db: deps.db,
          readDb: deps.readDb,
          clock: deps.clock,
          signer: deps.signer,
          viewer,
          log: locals.log,
          loaders: createLoaders(deps.db, viewer),
          requestId: locals.requestId,
          loginThrottle,
          clientAddress,
          webhookSettings,
          serverKey: webhookSettings.secretKey,
          http: locals,
          enqueueExport: exportQueue.enqueue,
          attachments,
          exportDirectMaxRows: deps.config?.EXPORT_DIRECT_MAX_ROWS,
          // The embedded database (no DATABASE_URL) has no statement_timeout to lengthen.
          reportStatementTimeoutMs: deps.config?.DATABASE_URL
            ? deps.config.DATABASE_REPORT_STATEMENT_TIMEOUT_MS
            : undefined,
        };
      },
    }),
  );

  app.use(
    '/status',
    statusRoutes({
      db: deps.db,
      redis: deps.redis,
      clock: deps.clock,
      serverKey: webhookSettings.secretKey,
      prefix,
      limits: limits ? (deps.config?.RATE_LIMIT_STATUS ?? { perSecond: 1, burst: 20 }) : null,
      attachments,
    }),
  );

  app.use(
    '/open311',
    open311Router({
      db: deps.db,
      clock: deps.clock,
      signer: deps.signer,
      rateLimiter: limits ? rateLimiter : null,
      jurisdictionId: deps.config?.OPEN311_JURISDICTION_ID,
      log: deps.log,
      attachments,
    }),
  );

  app.use('/admin', consoleSecurityHeaders);
  if (existsSync(adminDist)) {
    app.use('/admin', express.static(adminDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile('index.html', { root: adminDist }));
  }
  app.get('/', (_req, res) => res.redirect('/admin/'));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    if (status === 413) {
      res.status(413).json({
        errors: [{ message: `Request body over ${MAX_BODY}`, extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json({ errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    (res.locals as RequestLocals).log?.error({ err: error }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
  app.use(onError);

  return {
    server,
    stop: async () => {
      await apollo.stop();
      // In-flight requests have finished (Apollo drained them); idle keep-alive sockets must not hold the exit.
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((done) => server.close(() => done()));
      await metrics.close();
      await exportQueue.close();
      attachments.storage.close?.();
    },
  };
}

/** Records the operation name for the request log and the latency histogram. */
function operationNamePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName, operation }) {
          contextValue.http.operation = operationName ?? operation?.operation;
        },
      };
    },
  };
}

/** Apollo prefixes errors thrown while building the context (our rate limit); clients need not see that. */
function stripContextPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const prefix = 'Context creation failed: ';
  if (!formatted.message.startsWith(prefix)) return formatted;
  return { ...formatted, message: formatted.message.slice(prefix.length) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}
