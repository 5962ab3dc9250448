import { type SQL, sql } from 'drizzle-orm';
import { boxAround, EARTH_RADIUS_METERS, type GeoBox } from '../../domain/geo-distance.js';
import { coverBox } from '../../domain/geo-key.js';
import type { GeoPoint } from '../../domain/location.js';

/**
 * Tickets whose point lies in `box`: the key ranges covering the box (index scans of
 * tickets_geo_key_idx, OR-ed into one bitmap) narrow the rows, the exact coordinates decide.
 * The ranges are parameters, so the statement's text depends only on how many there are (at most 24
 * prepared statements per connection, each planned with its values).
 */
export function withinBox(box: GeoBox): SQL {
  const ranges = coverBox(box).map(
    ({ from, to }) => sql`tickets.geo_key between ${from.toString()}::bigint and ${to.toString()}::bigint`,
  );
  return sql`((${sql.join(ranges, sql` or `)}) and tickets.latitude between ${box.south} and ${box.north} and tickets.longitude between ${box.west} and ${box.east})`;
}

/** Great-circle distance in metres from `point` to the row's point (`table` names the row), in SQL. */
export function distanceFrom(point: GeoPoint, table = 'tickets'): SQL {
  const lat = sql.raw(`${table}.latitude::float8`);
  const lng = sql.raw(`${table}.longitude::float8`);
  return sql`(2 * ${EARTH_RADIUS_METERS}::float8 * asin(least(1, sqrt(
    power(sin(radians(${lat} - ${point.lat}::float8) / 2), 2)
    + cos(radians(${point.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${point.lng}::float8) / 2), 2)))))`;
}

/** Tickets whose point lies within `radiusMeters` of `center`: the circle's box, then the distance. */
export function nearPoint(center: GeoPoint, radiusMeters: number): SQL {
  return sql`(${withinBox(boxAround(center, radiusMeters))} and ${distanceFrom(center)} <= ${radiusMeters}::float8)`;
}
