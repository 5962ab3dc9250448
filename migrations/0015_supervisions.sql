CREATE TYPE "public"."supervision_level" AS ENUM('URGE', 'SUPERVISE');--> statement-breakpoint
CREATE TYPE "public"."supervision_status" AS ENUM('OPEN', 'REPLIED', 'SUPERSEDED', 'ENDED');--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'SUPERVISED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'SUPERVISION_REPLIED';--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"level" "supervision_level" NOT NULL,
	"note" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" "supervision_status" DEFAULT 'OPEN' NOT NULL,
	"supervised_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"replied_at" timestamp with time zone,
	"replied_by_id" uuid,
	"reply" text
);
--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "supervised" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervisions_ticket_idx" ON "supervisions" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisions_one_open_idx" ON "supervisions" USING btree ("ticket_id") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "supervisions_open_due_idx" ON "supervisions" USING btree ("due_at") WHERE status = 'OPEN';