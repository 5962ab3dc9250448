import { fileURLToPath } from 'node:url';
import type { Db } from '@hotline/schema/client';
import express, { type Request, type Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { anonymousViewer } from '../auth/viewer.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { ApiRateLimiter, type Limits } from '../graphql/limits-rate.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import { lookupTicketStatus } from '../modules/citizen/citizen-status.service.js';
import { readFeedbackLink, submitSelfServiceFeedback } from '../modules/citizen/self-service-feedback.js';

const pages = fileURLToPath(new URL('./status-page/', import.meta.url));

/** Scripts and styles from our own origin only; the page talks to /status/api only. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface StatusRouteDeps {
  db: Db;
  redis: Redis;
  clock: Clock;
  serverKey: Buffer;
  /** Redis key prefix (QUEUE_PREFIX). */
  prefix: string;
  /** Per client address (RATE_LIMIT_STATUS); null: not limited. */
  limits: Limits | null;
  /** Attachment storage and link key: the page shows the ticket's PUBLIC photos. */
  attachments?: AttachmentSettings;
}

/**
 * The caller's public pages, no sign-in: /status (lookup by ticket number and code) and
 * /status/feedback (the one-time satisfaction link, its token in the URL fragment so it never reaches
 * a log), and their JSON endpoints under /status/api. Every JSON request counts against its address.
 */
export function statusRoutes(deps: StatusRouteDeps): Router {
  const limiter = new ApiRateLimiter({
    db: deps.db,
    redis: deps.redis,
    prefix: `${deps.prefix}:status`,
    anonymous: deps.limits,
  });
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/', (_req, res) => res.sendFile('index.html', { root: pages }));
  router.get('/feedback', (_req, res) => res.sendFile('feedback.html', { root: pages }));
  router.use('/assets', express.static(pages, { index: false, maxAge: '1h' }));

  const api = Router();
  api.use(express.json({ limit: '8kb' }));
  api.use(async (req, _res, next) => {
    try {
      await limiter.check(anonymousViewer, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      next();
    } catch (error) {
      next(error);
    }
  });
  api.post('/lookup', async (req, res) => {
    const photos = deps.attachments ? { settings: deps.attachments, now: deps.clock.now() } : undefined;
    const ticket = await lookupTicketStatus(
      deps.db,
      deps.serverKey,
      text(req, 'number'),
      text(req, 'code'),
      photos,
    );
    if (!ticket) {
      throw new AppError('NOT_FOUND', 'No ticket has this number and code: check both and try again');
    }
    res.json({ ticket });
  });
  api.post('/feedback/check', async (req, res) => {
    res.json({ link: await readFeedbackLink(deps.db, deps.clock, deps.serverKey, text(req, 'token')) });
  });
  api.post('/feedback', async (req, res) => {
    const comment = typeof req.body?.comment === 'string' ? req.body.comment : null;
    const result = await submitSelfServiceFeedback(deps, {
      token: text(req, 'token'),
      satisfaction: text(req, 'satisfaction'),
      comment,
    });
    res.json({ feedback: result });
  });
  api.use((error: unknown, _req: Request, res: Response, next: (error: unknown) => void) => {
    if (error instanceof GraphQLError && error.extensions.code === 'RATE_LIMITED') {
      const retryAfter = Number(error.extensions.retryAfter);
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({
        errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfter } }],
      });
      return;
    }
    if (error instanceof AppError) {
      const status = error.code === 'NOT_FOUND' ? 404 : 400;
      res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      return;
    }
    next(error);
  });
  router.use('/api', api);
  return router;
}

/** A string field of the JSON body ('' when absent or not a string: it then simply matches nothing). */
function text(req: Request, field: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.slice(0, 200) : '';
}
