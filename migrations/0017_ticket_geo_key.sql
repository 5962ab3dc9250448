-- The Z-order (Morton) key of a ticket's point, for map-area and distance queries over a plain btree
-- (no PostGIS). Latitude and longitude are quantised to 26 bits each (cells of about 0.3 x 0.6 m) and
-- interleaved: longitude bits at even positions, latitude bits at odd ones. api/src/domain/geo-key.ts
-- computes the same cells to cover a box with key ranges. Adding the stored column fills it for every
-- existing ticket (a table rewrite); PostgreSQL keeps it current on every insert and update.
CREATE FUNCTION ticket_geo_spread(value bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  x bigint := value;
BEGIN
  x := (x | (x << 16)) & 281470681808895;       -- 0x0000ffff0000ffff
  x := (x | (x << 8)) & 71777214294589695;      -- 0x00ff00ff00ff00ff
  x := (x | (x << 4)) & 1085102592571150095;    -- 0x0f0f0f0f0f0f0f0f
  x := (x | (x << 2)) & 3689348814741910323;    -- 0x3333333333333333
  x := (x | (x << 1)) & 6148914691236517205;    -- 0x5555555555555555
  RETURN x;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_geo_key(lat numeric, lng numeric) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ticket_geo_spread(least(67108863, greatest(0, floor((lng + 180) * 67108864 / 360)))::bigint)
       | (ticket_geo_spread(least(67108863, greatest(0, floor((lat + 90) * 67108864 / 180)))::bigint) << 1)
$$;
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "geo_key" bigint GENERATED ALWAYS AS (ticket_geo_key(latitude, longitude)) STORED;--> statement-breakpoint
CREATE INDEX "tickets_geo_key_idx" ON "tickets" USING btree ("geo_key") WHERE geo_key is not null;
