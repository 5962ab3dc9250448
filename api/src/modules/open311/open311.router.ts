import type { Db } from '@hotline/schema/client';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { authenticate } from '../../auth/authenticate.js';
import type { TokenSigner } from '../../auth/tokens.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors/app-error.js';
import { isStatementTimeout } from '../../errors/statement-timeout.js';
import type { ApiRateLimiter } from '../../graphql/limits-rate.js';
import { createLoaders, type LoaderContext } from '../../graphql/loaders.js';
import type { RequestLocals } from '../../http/request-log.js';
import type { AttachmentSettings } from '../attachments/attachment-settings.js';
import { publicPhotoLinks } from '../attachments/attachments.service.js';
import {
  CONTENT_TYPES,
  type Open311Body,
  type Open311Format,
  open311Errors,
  renderOpen311,
} from './open311.format.js';
import {
  getOpen311Request,
  getOpen311Token,
  listOpen311Requests,
  type MediaLinks,
  type Open311Query,
  submitOpen311Request,
} from './open311-requests.js';
import { getOpen311ServiceDefinition, listOpen311Services } from './open311-services.js';

export interface Open311Deps {
  db: Db;
  clock: Clock;
  signer: TokenSigner;
  /** The same limits as /graphql: per API client key, per address without one. Null: off (benchmarks). */
  rateLimiter: ApiRateLimiter | null;
  /** OPEN311_JURISDICTION_ID: when set, another jurisdiction_id answers 404. */
  jurisdictionId?: string;
  log: Logger;
  /** Where PUBLIC photos are served from, for `media_url`; absent: only the URL a client sent. */
  attachments?: AttachmentSettings;
}

/** What a handler gets: the answer's format, the request's service context, its query parameters. */
interface Call {
  format: Open311Format;
  ctx: LoaderContext;
  params: Record<string, unknown>;
  /** The last path segment without its format suffix (a service code, request id or token). */
  id: string;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey: string | null;
  /** Signed links to tickets' latest PUBLIC photos (media_url), when attachments are served. */
  media: MediaLinks | null;
}

type Handler = (call: Call) => Promise<Open311Body>;

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  INVALID_TRANSITION: 400,
  UNAUTHENTICATED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 503,
};

const MAX_BODY = '1mb';
const MAX_FIELDS = 200;

/** When this endpoint's interface last changed (the discovery document's changeset). */
const CHANGESET = '2026-12-05T00:00:00Z';

/**
 * Open311, mounted at /open311: the service discovery document (`discovery.{xml,json}`) and
 * GeoReport v2 under `v2`.
 */
export function open311Router(deps: Open311Deps): Router {
  const router = Router();
  router.get('/discovery.:format', (req, res) => {
    const format = splitFormat(`discovery.${req.params.format}`)[1];
    if (!format) {
      send(res, 'xml', 400, open311Errors(400, 'The format must be xml or json (e.g. discovery.json)'));
      return;
    }
    send(res, format, 200, discovery(`${req.protocol}://${req.get('host')}/open311/v2`));
  });
  router.use('/v2', geoReportRouter(deps));
  return router;
}

/** The Service Discovery document: one production GeoReport v2 endpoint in XML and JSON. */
function discovery(url: string): Open311Body {
  return {
    root: 'discovery',
    item: null,
    items: {
      changeset: CHANGESET,
      contact: 'The hotline operator: ask for an API key of an INTEGRATION client',
      key_service: 'API keys are issued by the hotline administrator (createApiClient, role INTEGRATION)',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url,
          changeset: CHANGESET,
          type: 'production',
          formats: [CONTENT_TYPES.xml.split(';')[0], CONTENT_TYPES.json.split(';')[0]],
        },
      ],
    },
  };
}

/**
 * Open311 GeoReport v2, mounted at /open311/v2: `services`, `services/{code}`, `requests` (GET, POST),
 * `requests/{id}` and `tokens/{token}`, each as `.xml` (the default) or `.json`. A thin transport over
 * the same services as GraphQL; the API key is `api_key` (query or form) or `Authorization: Bearer`.
 */
function geoReportRouter(deps: Open311Deps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: true, limit: MAX_BODY, parameterLimit: MAX_FIELDS });

  const serve = (handler: Handler) => async (req: Request, res: Response) => {
    const [id, format] = splitFormat(String(req.params.file ?? req.params.resource ?? ''));
    if (!format) {
      send(res, 'xml', 400, open311Errors(400, 'The format must be xml or json (e.g. services.json)'));
      return;
    }
    try {
      const params = {
        ...(req.query as Record<string, unknown>),
        ...((req.body as Record<string, unknown>) ?? {}),
      };
      checkJurisdiction(params.jurisdiction_id, deps.jurisdictionId);
      const viewer = await authenticateOpen311(deps, req, res, params.api_key);
      const ctx: LoaderContext = {
        db: deps.db,
        clock: deps.clock,
        viewer,
        loaders: createLoaders(deps.db, viewer),
      };
      const idempotencyKey = text(req.headers['idempotency-key']);
      const attachments = deps.attachments;
      const media: MediaLinks | null = attachments
        ? (ticketIds) =>
            publicPhotoLinks(
              deps.db,
              attachments,
              ticketIds,
              deps.clock.now(),
              `${req.protocol}://${req.get('host')}`,
            )
        : null;
      send(res, format, 200, await handler({ format, ctx, params, id, idempotencyKey, media }));
    } catch (error) {
      sendError(res, format, error, deps.log);
    }
  };

  router.get('/:resource', (req, res, next) => {
    const name = splitFormat(req.params.resource)[0];
    if (name === 'services') return serve(servicesList)(req, res);
    if (name === 'requests') return serve(requestsList)(req, res);
    next();
  });
  router.get('/:resource/:file', (req, res, next) => {
    const handler = { services: serviceDefinition, requests: requestOne, tokens: tokenLookup }[
      req.params.resource
    ];
    if (handler) return serve(handler)(req, res);
    next();
  });
  router.post('/:resource', form, (req, res, next) => {
    if (splitFormat(req.params.resource)[0] === 'requests') return serve(requestCreate)(req, res);
    next();
  });
  router.use((req, res) => {
    const format = formatOfPath(req.originalUrl);
    send(res, format, 404, open311Errors(404, `No Open311 method ${req.method} ${req.path}`));
  });
  // A malformed or oversized form body, in the specification's error format.
  router.use(
    (error: { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
      const format = formatOfPath(req.originalUrl);
      const status = error.status === 413 ? 413 : 400;
      const description =
        error.type === 'parameters.too.many'
          ? `More than ${MAX_FIELDS} fields`
          : status === 413
            ? `Request body over ${MAX_BODY}`
            : 'Malformed request body';
      send(res, format, status, open311Errors(status, description));
    },
  );
  return router;
}

const servicesList: Handler = async ({ ctx }) => ({
  root: 'services',
  item: 'service',
  items: (await listOpen311Services(ctx.db)).map((service) => ({ ...service })),
});

const serviceDefinition: Handler = async ({ ctx, id }) => ({
  root: 'service_definition',
  item: null,
  items: { ...(await getOpen311ServiceDefinition(ctx.db, id)) },
});

const requestCreate: Handler = async ({ ctx, params, idempotencyKey }) => {
  const receipt = await submitOpen311Request(ctx, params, idempotencyKey ?? text(params.idempotency_key));
  return { root: 'service_requests', item: 'request', items: [{ ...receipt }] };
};

const requestsList: Handler = async ({ ctx, params, media }) => {
  const query: Open311Query = {
    service_request_id: commaJoined(params.service_request_id),
    service_code: commaJoined(params.service_code),
    start_date: text(params.start_date),
    end_date: text(params.end_date),
    status: commaJoined(params.status),
  };
  const requests = await listOpen311Requests(ctx, query, media);
  return { root: 'service_requests', item: 'request', items: requests.map((request) => ({ ...request })) };
};

const requestOne: Handler = async ({ ctx, id, media }) => ({
  root: 'service_requests',
  item: 'request',
  items: [{ ...(await getOpen311Request(ctx, id, media)) }],
});

const tokenLookup: Handler = async ({ ctx, id }) => ({
  root: 'service_requests',
  item: 'request',
  items: [{ ...(await getOpen311Token(ctx, id)) }],
});

/** `services.json` -> ['services', 'json']; no suffix is XML, the specification's required format. */
function splitFormat(file: string): [string, Open311Format | null] {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return [file, 'xml'];
  const suffix = file.slice(dot + 1).toLowerCase();
  return [file.slice(0, dot), suffix === 'xml' || suffix === 'json' ? suffix : null];
}

/** The answer's format from the URL alone (for errors raised before a route matched): XML unless .json. */
function formatOfPath(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return splitFormat(path.split('/').pop() ?? '')[1] ?? 'xml';
}

/** A query or form parameter given once as text; a repeated one is malformed. */
function text(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new AppError('BAD_USER_INPUT', 'A parameter was given more than once');
  return value;
}

/** A list parameter: comma-delimited, and it may be declared more than once (`status=open&status=closed`). */
function commaJoined(value: unknown): string | null {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return text(value);
}

function checkJurisdiction(given: unknown, served: string | undefined): void {
  const jurisdiction = text(given);
  if (served && jurisdiction && jurisdiction !== served) {
    throw new AppError('NOT_FOUND', `jurisdiction_id ${jurisdiction} not found`);
  }
}

/**
 * The viewer of an `api_key` parameter or an Authorization header; rate-limited like /graphql (per
 * key, or per address without a valid one). A bad key is anonymous: public methods still answer.
 */
async function authenticateOpen311(
  deps: Open311Deps,
  req: Request,
  res: Response,
  apiKey: unknown,
): Promise<Viewer> {
  const key = text(apiKey);
  const header = key ? `Bearer ${key}` : req.headers.authorization;
  const viewer = await authenticate(deps.db, deps.signer, header);
  if (viewer.id) (res.locals as RequestLocals).viewer = `${viewer.kind}:${viewer.id}`;
  await deps.rateLimiter?.check(viewer, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  return viewer;
}

function send(res: Response, format: Open311Format, status: number, body: Open311Body): void {
  res.status(status).type(CONTENT_TYPES[format]).send(renderOpen311(format, body));
}

/** Errors as the specification answers them: an HTTP status and a list of { code, description }. */
function sendError(res: Response, format: Open311Format, error: unknown, log: Logger): void {
  const code = errorCode(error);
  const status = code ? (HTTP_STATUS[code] ?? 500) : 500;
  if (code === 'RATE_LIMITED') {
    const retryAfter = (error as { extensions?: { retryAfter?: number } }).extensions?.retryAfter ?? 1;
    res.setHeader('retry-after', String(retryAfter));
  }
  if (status === 500) log.error({ err: error }, 'unexpected error in an Open311 request');
  const description =
    status === 500
      ? 'General service error'
      : code === 'QUERY_TOO_COMPLEX'
        ? 'The request ran longer than the server allows; ask for less (a narrower date range)'
        : (error as Error).message;
  send(res, format, status, open311Errors(status, description));
}

function errorCode(error: unknown): string | null {
  if (error instanceof AppError) return error.code;
  if (isStatementTimeout(error)) return 'QUERY_TOO_COMPLEX';
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return code === 'RATE_LIMITED' ? code : null;
}
