import { badInput } from '../errors/app-error.js';
import { gcj02ToWgs84 } from './gcj02.js';
import type { GeoBox } from './geo-distance.js';
import { checkText } from './text-limits.js';

/** A point in WGS-84 degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * The datum a client's coordinates are in: WGS84 (GPS, OpenStreetMap, Leaflet) or GCJ02 (AMap/Gaode,
 * Tencent Maps, the WeChat location picker). Stored points are always WGS-84.
 */
export type CoordinateSystem = 'WGS84' | 'GCJ02';

/** A point as a client sends it: in WGS-84 unless it says GCJ-02. */
export interface GeoPointInput extends GeoPoint {
  system?: CoordinateSystem | null;
}

/** The widest radius `near` accepts: a district's scale, and still a short range of index scans. */
export const MAX_NEAR_RADIUS_METERS = 50_000;

/** Decimal places kept (the columns' scale): about 10 cm, finer than any phone's fix. */
const SCALE = 6;

/**
 * Checks a point: finite, latitude in [-90, 90], longitude in [-180, 180]; rounded to the stored
 * scale so what a client reads back is what was kept.
 */
export function checkLocation(point: GeoPointInput | null | undefined, label = 'location'): GeoPoint | null {
  if (point == null) return null;
  const wgs84 = toWgs84(point, label);
  return { lat: round(wgs84.lat), lng: round(wgs84.lng) };
}

/** The point in WGS-84 degrees, unrounded: checked, and converted when it came in GCJ-02. */
export function toWgs84(point: GeoPointInput, label: string): GeoPoint {
  const { lat, lng } = point;
  checkLatitude(lat, `${label}.lat`);
  checkLongitude(lng, `${label}.lng`);
  return point.system === 'GCJ02' ? gcj02ToWgs84({ lat, lng }) : { lat, lng };
}

function checkLatitude(lat: unknown, field: string): asserts lat is number {
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw badInput(`${field} must be a latitude between -90 and 90 (degrees)`, field);
  }
}

function checkLongitude(lng: unknown, field: string): asserts lng is number {
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw badInput(`${field} must be a longitude between -180 and 180 (degrees)`, field);
  }
}

/**
 * A map area as a client sends it: south <= north, west <= east (an area across the antimeridian is
 * two queries). A GCJ-02 box becomes the WGS-84 box around its converted corners.
 */
export function checkBox(box: GeoBox & { system?: CoordinateSystem | null }, label: string): GeoBox {
  checkLatitude(box.south, `${label}.south`);
  checkLatitude(box.north, `${label}.north`);
  checkLongitude(box.west, `${label}.west`);
  checkLongitude(box.east, `${label}.east`);
  if (box.south > box.north)
    throw badInput(`${label}.south must not be north of ${label}.north`, `${label}.south`);
  if (box.west > box.east) {
    throw badInput(
      `${label}.west must not be east of ${label}.east (split an area across the antimeridian)`,
      `${label}.west`,
    );
  }
  if (box.system !== 'GCJ02') return { south: box.south, west: box.west, north: box.north, east: box.east };
  const corners = [
    gcj02ToWgs84({ lat: box.south, lng: box.west }),
    gcj02ToWgs84({ lat: box.south, lng: box.east }),
    gcj02ToWgs84({ lat: box.north, lng: box.west }),
    gcj02ToWgs84({ lat: box.north, lng: box.east }),
  ];
  return {
    south: Math.max(-90, Math.min(...corners.map((c) => c.lat))),
    north: Math.min(90, Math.max(...corners.map((c) => c.lat))),
    west: Math.max(-180, Math.min(...corners.map((c) => c.lng))),
    east: Math.min(180, Math.max(...corners.map((c) => c.lng))),
  };
}

/** A circle as a client sends it: a point and a radius of more than 0 and at most 50 km. */
export function checkNear(
  near: GeoPointInput & { radiusMeters: number },
  label: string,
): { center: GeoPoint; radiusMeters: number } {
  const center = toWgs84(near, label);
  const radius = near.radiusMeters;
  if (
    typeof radius !== 'number' ||
    !Number.isFinite(radius) ||
    radius <= 0 ||
    radius > MAX_NEAR_RADIUS_METERS
  ) {
    throw badInput(
      `${label}.radiusMeters must be more than 0 and at most ${MAX_NEAR_RADIUS_METERS}`,
      `${label}.radiusMeters`,
    );
  }
  return { center, radiusMeters: radius };
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
