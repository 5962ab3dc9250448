ALTER TYPE "public"."extension_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'EXTENSION_CANCELLED';--> statement-breakpoint
ALTER TABLE "tickets" drop column "search_text";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search_text" text GENERATED ALWAYS AS (number || ' ' || title || ' ' || description || ' ' || coalesce(address, '')) STORED;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_search_trgm_idx" ON "tickets" USING gin ("search_text" gin_trgm_ops);