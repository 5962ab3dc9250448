import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'xml' | 'json';

/** A GeoReport v2 answer: the root element and each item's element name for XML, a plain array (or object) for JSON. */
export interface Open311Body {
  /** e.g. `services`, `service_requests`, `errors`; null for a single object (a service definition). */
  root: string;
  /** The element of each item in XML (`service`, `request`, `error`); null: `items` is one object. */
  item: string | null;
  items: Record<string, unknown>[] | Record<string, unknown>;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });

/** Lists inside an item become a wrapper element of repeated children (Open311's ⇊ fields). */
const LIST_CHILDREN: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Renders a body as the specification defines: XML with its declaration, schemaless, one element per
 * field (absent values as empty elements); JSON as the Spark-convention mapping of that XML: the
 * root's items as an array (a single object for a service definition), absent values as null.
 */
export function renderOpen311(format: Open311Format, body: Open311Body): string {
  if (format === 'json') return JSON.stringify(body.items);
  const content = body.item
    ? { [body.item]: (body.items as Record<string, unknown>[]).map(toXmlValue) }
    : toXmlValue(body.items);
  const empty = Array.isArray(body.items) && body.items.length === 0;
  return XML_DECLARATION + builder.build({ [body.root]: empty ? '' : content });
}

function toXmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(toXmlValue);
  if (typeof value === 'object') {
    const element: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const listChild = LIST_CHILDREN[key];
      element[key] =
        listChild && Array.isArray(child)
          ? child.length === 0
            ? ''
            : { [listChild]: child.map(toXmlValue) }
          : toXmlValue(child);
    }
    return element;
  }
  return value;
}

/** The specification's error answer: a list of { code (the HTTP status), description }. */
export function open311Errors(status: number, description: string): Open311Body {
  return { root: 'errors', item: 'error', items: [{ code: status, description }] };
}
