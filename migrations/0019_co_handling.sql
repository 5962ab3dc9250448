CREATE TYPE "public"."co_handling_status" AS ENUM('PENDING', 'ACCEPTED', 'REPLIED', 'WAIVED', 'CANCELLED');--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'CO_HANDLING_REQUESTED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'CO_HANDLING_ACCEPTED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'CO_HANDLING_REPLIED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'CO_HANDLER_REMINDED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'CO_HANDLER_WAIVED';--> statement-breakpoint
CREATE TABLE "ticket_co_handlers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" "co_handling_status" DEFAULT 'PENDING' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"requested_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_id" uuid,
	"replied_at" timestamp with time zone,
	"replied_by_id" uuid,
	"reply" text,
	"reminders" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"waived_by_id" uuid,
	"waive_reason" text
);
--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "co_handling_requests" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "co_handling_excused" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "co_handling_replied_on_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "open_co_handler_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_co_handlers" ADD CONSTRAINT "ticket_co_handlers_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_co_handlers" ADD CONSTRAINT "ticket_co_handlers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_co_handlers_ticket_idx" ON "ticket_co_handlers" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_co_handlers_department_idx" ON "ticket_co_handlers" USING btree ("department_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_co_handlers_one_open_idx" ON "ticket_co_handlers" USING btree ("ticket_id","department_id") WHERE status in ('PENDING', 'ACCEPTED');