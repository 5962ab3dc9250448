import { checkMediaUrl, type GeoPoint } from '../../domain/location.js';
import { MAX_LENGTH } from '../../domain/text-limits.js';
import { badInput } from '../../errors/app-error.js';
import type { CreateTicketInput } from '../tickets/create-ticket.js';

/** A POST requests form, read into the fields a ticket takes (GeoReport v2 "POST Service Request"). */
export interface Open311Submission {
  serviceCode: string;
  ticket: Omit<CreateTicketInput, 'categoryCode' | 'demandType'>;
}

/** Attributes FixMyStreet sends that map onto ticket fields instead of the description. */
const MAPPED_ATTRIBUTES = new Set(['title', 'description', 'fixmystreet_id', 'category']);
const ATTRIBUTE_CODE = /^[A-Za-z0-9_.:-]{1,100}$/;
const MAX_ATTRIBUTES = 50;
/** A title made from the description's first line keeps this many characters. */
const TITLE_FROM_DESCRIPTION = 80;

/**
 * Reads a urlencoded POST requests body (parsed with nested brackets: `attribute[code]=v` is
 * `{ attribute: { code: 'v' } }`, `attribute[code][]=v` an array). Each field is one string, except
 * `media_url` (FixMyStreet may send several: the first is kept) and multivaluelist attributes.
 * `idempotencyKey` comes from the Idempotency-Key header when the caller sent one.
 */
export function readOpen311Submission(
  form: Record<string, unknown>,
  options: { serviceName: string; idempotencyKey?: string | null },
): Open311Submission {
  const serviceCode = single(form, 'service_code');
  if (!serviceCode) throw badInput('service_code was not provided', 'service_code');
  const attributes = readAttributes(form.attribute);
  const location = readLocation(form);
  const addressString = single(form, 'address_string');
  const addressId = single(form, 'address_id');
  if (!location && !addressString && !addressId) {
    throw badInput('A location is required: lat and long, address_string or address_id', 'lat');
  }
  const given = single(form, 'description') ?? text(attributes.get('description'));
  const title = text(attributes.get('title')) ?? titleFrom(given) ?? options.serviceName;
  const extra = [...attributes]
    .filter(([code, value]) => !MAPPED_ATTRIBUTES.has(code) && text(value) !== null)
    .map(([code, value]) => `${code}: ${Array.isArray(value) ? value.join(', ') : value}`);
  const description = [given ?? title, ...(extra.length ? ['', ...extra] : [])].join('\n');
  const reference = text(attributes.get('fixmystreet_id'));
  const name = [single(form, 'first_name'), single(form, 'last_name')].filter(Boolean).join(' ');
  const mediaUrls = list(form, 'media_url');
  return {
    serviceCode,
    ticket: {
      title:
        title.length > MAX_LENGTH.title ? `${[...title].slice(0, MAX_LENGTH.title - 1).join('')}…` : title,
      description,
      address: addressString ?? (addressId ? `address_id ${addressId}` : null),
      location,
      mediaUrl: checkMediaUrl(mediaUrls[0], 'media_url'),
      callerName: name || null,
      callerPhone: single(form, 'phone'),
      externalRef: reference,
      idempotencyKey: options.idempotencyKey ?? (reference ? `fixmystreet_id:${reference}` : null),
    },
  };
}

/** One text field; a repeated field or a nested one is malformed. Empty counts as absent (the spec's "optional"). */
function single(form: Record<string, unknown>, field: string): string | null {
  const value = form[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badInput(`${field} must be given once, as text`, field);
  return value.trim() === '' ? null : value;
}

function list(form: Record<string, unknown>, field: string): string[] {
  const value = form[field];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (!values.every((item) => typeof item === 'string')) throw badInput(`${field} must be text`, field);
  return (values as string[]).filter((item) => item.trim() !== '');
}

function text(value: string | string[] | undefined): string | null {
  const joined = Array.isArray(value) ? value.join(', ') : value;
  return joined?.trim() ? joined : null;
}

function titleFrom(description: string | null): string | null {
  const line = description
    ?.split(/\r?\n/)
    .find((part) => part.trim() !== '')
    ?.trim();
  if (!line) return null;
  const characters = [...line];
  if (characters.length <= TITLE_FROM_DESCRIPTION) return line;
  return `${characters.slice(0, TITLE_FROM_DESCRIPTION - 1).join('')}…`;
}

/** `lat` and `long` both or neither, as WGS-84 decimal degrees (the range is checked by createTicket). */
function readLocation(form: Record<string, unknown>): GeoPoint | null {
  const lat = single(form, 'lat');
  const long = single(form, 'long');
  if (lat === null && long === null) return null;
  if (lat === null || long === null)
    throw badInput('lat and long must be sent together', lat ? 'long' : 'lat');
  return { lat: degrees(lat, 'lat', 90), lng: degrees(long, 'long', 180) };
}

function degrees(value: string, field: 'lat' | 'long', bound: number): number {
  if (!/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) {
    throw badInput(`${field} must be a decimal number of degrees (WGS-84)`, field);
  }
  const number = Number(value);
  if (Math.abs(number) > bound) {
    const what = field === 'lat' ? 'a latitude' : 'a longitude';
    throw badInput(`${field} must be ${what} between -${bound} and ${bound} (WGS-84 degrees)`, field);
  }
  return number;
}

function readAttributes(raw: unknown): Map<string, string | string[]> {
  const attributes = new Map<string, string | string[]>();
  if (raw === undefined) return attributes;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badInput('attribute must be sent as attribute[code]=value', 'attribute');
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_ATTRIBUTES) throw badInput(`At most ${MAX_ATTRIBUTES} attributes`, 'attribute');
  for (const [code, value] of entries) {
    if (!ATTRIBUTE_CODE.test(code))
      throw badInput(`attribute code ${JSON.stringify(code)} is malformed`, 'attribute');
    const valid =
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!valid) throw badInput(`attribute[${code}] must be text or a list of text`, `attribute[${code}]`);
    attributes.set(code, value as string | string[]);
  }
  return attributes;
}
