import type { GeoPoint } from './location.js';

/**
 * GCJ-02 ("Mars coordinates"), the datum Chinese map SDKs (AMap/Gaode, Tencent, the WeChat location
 * picker; Baidu's BD-09 is GCJ-02 shifted once more and is not accepted) report points in: WGS-84
 * shifted by an obfuscating offset of some 100 to 700 m inside mainland China, none outside it. The
 * forward offset is the published Krasovsky-ellipsoid formula; there is no closed inverse, so a
 * GCJ-02 point is turned into WGS-84 by fixed-point iteration, which converges to well under a
 * centimetre in a few steps.
 */

const SEMI_MAJOR_AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

/** The rough rectangle the offset applies to (the formula's own definition of "China"). */
export function isInsideChina({ lat, lng }: GeoPoint): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function latitudeOffset(x: number, y: number): number {
  let offset = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  offset += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  offset += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  offset += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return offset;
}

function longitudeOffset(x: number, y: number): number {
  let offset = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  offset += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  offset += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  offset += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return offset;
}

/** WGS-84 to GCJ-02: what a Chinese map SDK would show for a GPS point. Identity outside China. */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  if (!isInsideChina(point)) return { lat: point.lat, lng: point.lng };
  const x = point.lng - 105;
  const y = point.lat - 35;
  const radLat = (point.lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (latitudeOffset(x, y) * 180) /
    (((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (longitudeOffset(x, y) * 180) / ((SEMI_MAJOR_AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: point.lat + dLat, lng: point.lng + dLng };
}

/** Stop when the forward image is this close to the given point (degrees; about 1 mm). */
const TOLERANCE_DEGREES = 1e-8;
const MAX_STEPS = 30;

/**
 * GCJ-02 to WGS-84, the standard iterative inverse: guess, shift the guess forward, correct it by
 * the miss. Identity outside China (GCJ-02 is WGS-84 there).
 */
export function gcj02ToWgs84(point: GeoPoint): GeoPoint {
  if (!isInsideChina(point)) return { lat: point.lat, lng: point.lng };
  let guess = { lat: point.lat, lng: point.lng };
  for (let step = 0; step < MAX_STEPS; step++) {
    const shifted = wgs84ToGcj02(guess);
    const missLat = point.lat - shifted.lat;
    const missLng = point.lng - shifted.lng;
    guess = { lat: guess.lat + missLat, lng: guess.lng + missLng };
    if (Math.abs(missLat) < TOLERANCE_DEGREES && Math.abs(missLng) < TOLERANCE_DEGREES) break;
  }
  return guess;
}
