ALTER TABLE "tickets" ADD COLUMN "accept_working_ms" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolve_working_ms" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "held_working_ms" bigint DEFAULT 0 NOT NULL;