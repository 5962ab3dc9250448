import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../../../schema/src/db.js';
import { authenticate } from '../auth/authenticate.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { Clock } from '../clock.js';
import type { GraphQLContext } from '../graphql/context.js';
import { makeFormatError } from '../graphql/format-error.js';
import { createLoaders } from '../graphql/loaders.js';

export interface HttpDeps {
  db: Db;
  redis: Redis;
  clock: Clock;
  signer: TokenSigner;
  log: Logger;
  schema: GraphQLSchema;
  production: boolean;
}

const adminDist = fileURLToPath(new URL('../../../admin/dist', import.meta.url));
const MAX_BODY = '1mb';

/** The HTTP face of the API: /graphql, health and readiness, and the admin console at /admin. */
export async function createHttpServer(deps: HttpDeps): Promise<{ server: Server; stop: () => Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(deps.log),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([deps.db.execute('select 1' as never), deps.redis.ping()]);
    const [postgres, redis] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : 'down'));
    const ready = postgres === 'ok' && redis === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', postgres, redis });
  });

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        db: deps.db,
        clock: deps.clock,
        signer: deps.signer,
        viewer: await authenticate(deps.db, deps.signer, req.headers.authorization),
        loaders: createLoaders(deps.db),
        requestId: (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
      }),
    }),
  );

  if (existsSync(adminDist)) {
    app.use('/admin', express.static(adminDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile('index.html', { root: adminDist }));
  }
  app.get('/', (_req, res) => res.redirect('/admin/'));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    if (status === 413) {
      res.status(413).json({ errors: [{ message: `Request body over ${MAX_BODY}`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    deps.log.error({ err: error }, 'unhandled HTTP error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
  app.use(onError);

  return {
    server,
    stop: async () => {
      await apollo.stop();
      if (server.listening) await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
