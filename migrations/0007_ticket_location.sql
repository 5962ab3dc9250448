ALTER TABLE "tickets" ADD COLUMN "latitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "longitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "media_url" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_location_check" CHECK (("tickets"."latitude" is null) = ("tickets"."longitude" is null) and "tickets"."latitude" between -90 and 90 and "tickets"."longitude" between -180 and 180);