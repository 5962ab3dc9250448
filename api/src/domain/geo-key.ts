import type { GeoBox } from './geo-distance.js';

/**
 * A ticket's `geo_key`: the Z-order (Morton) interleave of its latitude and longitude, each
 * quantised to 26 bits (cells of about 0.3 x 0.6 m at the equator). Points near each other mostly
 * get keys near each other, so one btree over the key answers "what lies in this box" as a few key
 * ranges. PostgreSQL computes the stored key (the `ticket_geo_key` function of migration 0017, the
 * same formula); this module computes the ranges that cover a box.
 */
export const GEO_KEY_BITS = 26;
const CELLS = 2 ** GEO_KEY_BITS;
const LAST_CELL = CELLS - 1;

/** The latitude's cell row, 0..2^26-1 (as `ticket_geo_key` computes it). */
export function latitudeCell(lat: number): number {
  return Math.min(LAST_CELL, Math.max(0, Math.floor(((lat + 90) * CELLS) / 180)));
}

/** The longitude's cell column, 0..2^26-1. */
export function longitudeCell(lng: number): number {
  return Math.min(LAST_CELL, Math.max(0, Math.floor(((lng + 180) * CELLS) / 360)));
}

/** Spreads the bits of `value` apart: bit i moves to bit 2i. */
function spread(value: number): bigint {
  let x = BigInt(value);
  x = (x | (x << 16n)) & 0x0000ffff0000ffffn;
  x = (x | (x << 8n)) & 0x00ff00ff00ff00ffn;
  x = (x | (x << 4n)) & 0x0f0f0f0f0f0f0f0fn;
  x = (x | (x << 2n)) & 0x3333333333333333n;
  x = (x | (x << 1n)) & 0x5555555555555555n;
  return x;
}

/** The key of a cell: longitude bits at even positions, latitude bits at odd ones. */
export function interleave(column: number, row: number): bigint {
  return spread(column) | (spread(row) << 1n);
}

/** The key of a point, equal to what `ticket_geo_key(lat, lng)` stores (up to rounding at a cell's edge). */
export function geoKeyOf(lat: number, lng: number): bigint {
  return interleave(longitudeCell(lng), latitudeCell(lat));
}

/** An inclusive range of keys. */
export interface KeyRange {
  from: bigint;
  to: bigint;
}

export interface CoverOptions {
  /** At most this many ranges (each one index scan). Default 24. */
  maxRanges?: number;
  /** Cells enumerated before the ranges are merged: more, a tighter cover. Default 256. */
  cellBudget?: number;
}

/**
 * Key ranges whose union holds the key of every point in `box`. The box is widened by one cell each
 * way (floating-point quantisation here and numeric quantisation in PostgreSQL may differ at a cell's
 * edge), laid on the finest grid of aligned quadtree cells that needs at most `cellBudget` cells, and
 * the cells' key ranges are joined: adjacent ones always, then those with the smallest gaps until at
 * most `maxRanges` remain. The cover may hold keys outside the box; callers check the exact
 * coordinates too.
 */
export function coverBox(box: GeoBox, options: CoverOptions = {}): KeyRange[] {
  const maxRanges = Math.max(1, options.maxRanges ?? 24);
  const cellBudget = Math.max(4, options.cellBudget ?? 256);
  const x0 = Math.max(0, longitudeCell(box.west) - 1);
  const x1 = Math.min(LAST_CELL, longitudeCell(box.east) + 1);
  const y0 = Math.max(0, latitudeCell(box.south) - 1);
  const y1 = Math.min(LAST_CELL, latitudeCell(box.north) + 1);
  let shift = 0;
  while (
    shift < GEO_KEY_BITS &&
    ((x1 >> shift) - (x0 >> shift) + 1) * ((y1 >> shift) - (y0 >> shift) + 1) > cellBudget
  ) {
    shift++;
  }
  const span = 1n << BigInt(2 * shift);
  const starts: bigint[] = [];
  for (let x = x0 >> shift; x <= x1 >> shift; x++) {
    for (let y = y0 >> shift; y <= y1 >> shift; y++) starts.push(interleave(x, y) << BigInt(2 * shift));
  }
  starts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ranges: KeyRange[] = [];
  for (const from of starts) {
    const last = ranges.at(-1);
    if (last && last.to + 1n === from) last.to = from + span - 1n;
    else ranges.push({ from, to: from + span - 1n });
  }
  while (ranges.length > maxRanges) {
    let smallest = 0;
    for (let i = 1; i < ranges.length - 1; i++) {
      if (gap(ranges, i) < gap(ranges, smallest)) smallest = i;
    }
    ranges[smallest] = { from: ranges[smallest]!.from, to: ranges[smallest + 1]!.to };
    ranges.splice(smallest + 1, 1);
  }
  return ranges;
}

/** The keys between range i and range i + 1. */
function gap(ranges: KeyRange[], i: number): bigint {
  return ranges[i + 1]!.from - ranges[i]!.to;
}
