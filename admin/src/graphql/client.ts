import { print } from '@0no-co/graphql.web';
import { HttpError } from 'react-admin';
import type { TadaDocumentNode } from './graphql';

/** Codes listed in the contract README ("Errors"), plus NETWORK for a failed fetch. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | (string & {});

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** A GraphQL or transport failure; `status` lets react-admin's checkError recognise 401/403. */
export class GraphQLRequestError extends HttpError {
  readonly code: ErrorCode;

  constructor(message: string, code: ErrorCode, status?: number) {
    super(message, status ?? STATUS_BY_CODE[code] ?? 400, { code });
    // HttpError pins its own prototype, which would hide this subclass from instanceof.
    Object.setPrototypeOf(this, GraphQLRequestError.prototype);
    this.name = 'GraphQLRequestError';
    this.code = code;
  }
}

export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof GraphQLRequestError) return error.code;
  const code = (error as { body?: { code?: unknown } } | null)?.body?.code;
  return typeof code === 'string' ? code : undefined;
}

const TOKEN_KEY = 'hotline.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const GRAPHQL_ENDPOINT = '/graphql';

const printed = new WeakMap<object, string>();

function textOf(document: TadaDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** Runs a typed document (graphql.ts): its result and variables are those the schema gives it. */
export function gql<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result>;
/** Runs a query built at run time (one alias per item); its fields should come from typed fragments. */
export function gql<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
export async function gql<T>(
  query: string | TadaDocumentNode<unknown, unknown>,
  variables?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: typeof query === 'string' ? query : textOf(query), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new GraphQLRequestError('ra.notification.http_error', 'NETWORK', 0);
  }
  if (response.status === 401) throw new GraphQLRequestError('Unauthenticated', 'UNAUTHENTICATED', 401);
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const firstError = body.errors?.[0];
  if (firstError) {
    throw new GraphQLRequestError(firstError.message, firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  if (!response.ok || body.data == null) {
    throw new GraphQLRequestError(`HTTP ${response.status}`, 'INTERNAL_SERVER_ERROR', response.status);
  }
  return body.data;
}
