ALTER TABLE "tickets" ADD COLUMN "accept_working_ms" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolve_working_ms" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "held_working_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_working_time_backfill_idx" ON "tickets" USING btree ("id") WHERE clock_started_at is not null and ((accepted_at is not null and accept_working_ms is null) or (resolved_at is not null and resolve_working_ms is null));