import {
  boxAround,
  coverBox,
  distanceMeters,
  gcj02ToWgs84,
  geoKeyOf,
  isInsideChina,
  wgs84ToGcj02,
} from '@hotline/api/services';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const degrees = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** Mainland China, kept a little inside the formula's rectangle so a shifted point stays inside it. */
const china = fc.record({ lat: degrees(18.5, 53), lng: degrees(74, 134.5) });

describe('GCJ-02', () => {
  it('shifts points as the published formula does (eviltransform test vectors)', () => {
    const shanghai = wgs84ToGcj02({ lat: 31.1774276, lng: 121.5272106 });
    expect(shanghai.lat).toBeCloseTo(31.17530398364597, 9);
    expect(shanghai.lng).toBeCloseTo(121.531541859215, 9);
    const beijing = wgs84ToGcj02({ lat: 39.911954, lng: 116.377817 });
    expect(beijing.lat).toBeCloseTo(39.91334545536069, 9);
    expect(beijing.lng).toBeCloseTo(116.38404722455657, 9);
  });

  it('converts back to WGS-84 within a centimetre anywhere in China, where the offset is tens of metres or more', () => {
    fc.assert(
      fc.property(china, (wgs84) => {
        const gcj02 = wgs84ToGcj02(wgs84);
        expect(distanceMeters(wgs84, gcj02)).toBeGreaterThan(10);
        expect(distanceMeters(wgs84, gcj02ToWgs84(gcj02))).toBeLessThan(0.01);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves points outside China as they are', () => {
    const outside = fc
      .record({ lat: degrees(-90, 90), lng: degrees(-180, 180) })
      .filter((point) => !isInsideChina(point));
    fc.assert(
      fc.property(outside, (point) => {
        expect(gcj02ToWgs84(point)).toEqual(point);
        expect(wgs84ToGcj02(point)).toEqual(point);
      }),
    );
  });
});

describe('distanceMeters', () => {
  it('measures a degree of latitude and Beijing to Shanghai', () => {
    expect(distanceMeters({ lat: 0, lng: 10 }, { lat: 1, lng: 10 })).toBeCloseTo(111_195, 0);
    const km = distanceMeters({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }) / 1000;
    expect(km).toBeGreaterThan(1060);
    expect(km).toBeLessThan(1075);
  });

  it('is symmetric, zero from a point to itself, and the circle box holds the circle', () => {
    const point = fc.record({ lat: degrees(-85, 85), lng: degrees(-179, 179) });
    fc.assert(
      fc.property(
        point,
        point,
        degrees(1, 50_000),
        degrees(0, 1),
        degrees(0, 2 * Math.PI),
        (a, b, radius, r, angle) => {
          expect(distanceMeters(a, a)).toBe(0);
          expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
          // A point inside the circle (moved by less than the radius) lies in the box around it.
          const dLat = ((radius * r * 0.999 * Math.cos(angle)) / 6_371_008.8) * (180 / Math.PI);
          const dLng = ((radius * r * 0.999 * Math.sin(angle)) / 6_371_008.8) * (180 / Math.PI);
          const inside = {
            lat: a.lat + dLat,
            lng: a.lng + dLng / Math.cos(((a.lat + dLat) * Math.PI) / 180),
          };
          if (distanceMeters(a, inside) > radius) return;
          const box = boxAround(a, radius);
          expect(inside.lat).toBeGreaterThanOrEqual(box.south);
          expect(inside.lat).toBeLessThanOrEqual(box.north);
          expect(inside.lng).toBeGreaterThanOrEqual(box.west);
          expect(inside.lng).toBeLessThanOrEqual(box.east);
        },
      ),
    );
  });
});

describe('coverBox', () => {
  const box = fc
    .record({ lat: degrees(-89, 89), lng: degrees(-179, 179), height: degrees(0, 2), width: degrees(0, 2) })
    .map(({ lat, lng, height, width }) => ({
      south: lat,
      west: lng,
      north: Math.min(90, lat + height),
      east: Math.min(180, lng + width),
    }));

  it('covers the key of every point in the box with at most 24 ordered, disjoint ranges', () => {
    fc.assert(
      fc.property(box, degrees(0, 1), degrees(0, 1), (area, u, v) => {
        const ranges = coverBox(area);
        expect(ranges.length).toBeGreaterThan(0);
        expect(ranges.length).toBeLessThanOrEqual(24);
        for (let i = 1; i < ranges.length; i++)
          expect(ranges[i]!.from).toBeGreaterThan(ranges[i - 1]!.to + 1n);
        const lat = Number((area.south + u * (area.north - area.south)).toFixed(6));
        const lng = Number((area.west + v * (area.east - area.west)).toFixed(6));
        const inBox = lat >= area.south && lat <= area.north && lng >= area.west && lng <= area.east;
        if (!inBox) return;
        const key = geoKeyOf(lat, lng);
        expect(ranges.some((range) => range.from <= key && key <= range.to)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the cover of a city block tight: a small share of the keys of the whole district', () => {
    const block = { south: 31.23, west: 121.47, north: 31.232, east: 121.473 };
    const district = { south: 31.1, west: 121.3, north: 31.4, east: 121.6 };
    const size = (ranges: { from: bigint; to: bigint }[]) =>
      ranges.reduce((sum, r) => sum + (r.to - r.from + 1n), 0n);
    expect(size(coverBox(block)) * 1000n).toBeLessThan(size(coverBox(district)));
    expect(coverBox({ ...block, east: block.west, north: block.south }).length).toBeLessThanOrEqual(4);
  });
});
