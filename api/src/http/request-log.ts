import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { redactText } from '../log-redaction.js';
import type { HttpMetrics } from './http-metrics.js';

/** What one request carries between middlewares (res.locals). */
export interface RequestLocals {
  requestId: string;
  log: Logger;
  /** The GraphQL operation name, set by the GraphQL plugin. */
  operation?: string;
  /** `client:<id>` or `user:<id>`; never a credential. */
  viewer?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/**
 * Gives each request an id (the caller's `x-request-id` when well-formed, else a new UUID), echoes
 * it, and logs one JSON line when the response ends: method, route, status, duration, operation
 * name and viewer id. Never bodies, variables or headers: those may carry phone numbers and keys.
 */
export function requestLog(log: Logger, metrics: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const locals = res.locals as RequestLocals;
    locals.requestId = requestId;
    locals.log = log.child({ reqId: requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // req.path is relative to the mount point by now; the original URL is not.
      const path = req.originalUrl.split('?')[0] ?? '';
      const route = ROUTES.has(path)
        ? path
        : path.startsWith('/admin')
          ? '/admin'
          : path.startsWith('/status')
            ? '/status'
            : path.startsWith('/open311/')
              ? '/open311'
              : 'other';
      const operation = route === '/graphql' ? metrics.operationLabel(locals.operation) : '';
      metrics.requestDuration.observe(
        { method: req.method, route, operation, status: String(res.statusCode) },
        seconds,
      );
      if (route === '/healthz' || route === '/metrics' || route === '/admin') return;
      locals.log.info(
        {
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          // Long digit runs could be phone numbers even in an operation name.
          operation: locals.operation && redactText(locals.operation),
          viewer: locals.viewer,
        },
        'request',
      );
    });
    next();
  };
}
