import type { GeoPoint } from './location.js';

/** The mean Earth radius (IUGG), in metres: the sphere haversine distances are measured on. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine; within 0.5 % of the ellipsoid, plenty for "nearby"). */
export function distanceMeters(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude rectangle in degrees; never crosses the antimeridian (west <= east). */
export interface GeoBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * The smallest box holding every point within `radiusMeters` of `center`: a circle's latitude span is
 * the same everywhere, its longitude span widens towards the poles (taken at the box's edge nearest a
 * pole, so the box is never too narrow). Clamped to the globe; a circle over a pole or the
 * antimeridian gets the whole longitude range.
 */
export function boxAround(center: GeoPoint, radiusMeters: number): GeoBox {
  const dLat = (radiusMeters / EARTH_RADIUS_METERS) * (180 / Math.PI);
  const south = Math.max(-90, center.lat - dLat);
  const north = Math.min(90, center.lat + dLat);
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const cosine = Math.cos(radians(widest));
  const dLng = cosine < 1e-9 ? 360 : dLat / cosine;
  const west = center.lng - dLng;
  const east = center.lng + dLng;
  if (dLng >= 180 || west < -180 || east > 180) return { south, west: -180, north, east: 180 };
  return { south, west, north, east };
}
