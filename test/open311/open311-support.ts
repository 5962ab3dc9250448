import { XMLParser } from 'fast-xml-parser';
import type { TestHotline } from '../support/hotline.js';

export interface Open311Answer {
  status: number;
  contentType: string;
  text: string;
  /** The JSON body, or the XML body parsed (repeated elements always as arrays). */
  body: any;
  headers: Headers;
}

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value'].includes(name),
});

/**
 * A call to /open311/v2/<path> as a GeoReport v2 client makes it: GET with a query string, POST with
 * an application/x-www-form-urlencoded body (repeated pairs for lists, attribute[code]=value).
 */
export async function open311(
  app: TestHotline,
  path: string,
  options: {
    method?: 'GET' | 'POST';
    query?: Record<string, string>;
    form?: [string, string][];
    headers?: Record<string, string>;
  } = {},
): Promise<Open311Answer> {
  const url = new URL(`${app.url}/open311/v2/${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const response = await fetch(url, {
    method: options.method ?? (options.form ? 'POST' : 'GET'),
    headers: {
      ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
      ...options.headers,
    },
    body: options.form ? new URLSearchParams(options.form).toString() : undefined,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const body = contentType.startsWith('application/json') ? JSON.parse(text) : xml.parse(text);
  return { status: response.status, contentType, text, body, headers: response.headers };
}

/** The W3C date-time format the specification requires of every date it answers. */
export const W3C_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
