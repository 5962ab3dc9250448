import { badInput } from '../errors/app-error.js';
import { checkText } from './text-limits.js';

/** A point in WGS-84 degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Decimal places kept (the columns' scale): about 10 cm, finer than any phone's fix. */
const SCALE = 6;

/**
 * Checks a point: finite, latitude in [-90, 90], longitude in [-180, 180]; rounded to the stored
 * scale so what a client reads back is what was kept.
 */
export function checkLocation(point: GeoPoint | null | undefined, label = 'location'): GeoPoint | null {
  if (point == null) return null;
  const { lat, lng } = point;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw badInput(`${label}.lat must be a latitude between -90 and 90 (WGS-84 degrees)`, `${label}.lat`);
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw badInput(`${label}.lng must be a longitude between -180 and 180 (WGS-84 degrees)`, `${label}.lng`);
  }
  return { lat: round(lat), lng: round(lng) };
}

function round(degrees: number): number {
  return Number(degrees.toFixed(SCALE));
}

/** A link to media the reporter gave: http or https, no credentials in it. It is stored, never fetched. */
export function checkMediaUrl(raw: string | null | undefined, label = 'mediaUrl'): string | null {
  const text = checkText('url', raw, { optional: true, label });
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(`${label} is not a valid URL`, label);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(`${label} must be an http or https URL`, label);
  }
  if (url.username || url.password) throw badInput(`${label} must not carry credentials`, label);
  return text;
}
