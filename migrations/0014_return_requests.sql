ALTER TYPE "public"."ticket_event_type" ADD VALUE 'RETURN_REQUESTED';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'RETURN_REJECTED';--> statement-breakpoint
CREATE TABLE "return_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'PENDING' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_requests_ticket_id_index" ON "return_requests" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_requests_one_pending_idx" ON "return_requests" USING btree ("ticket_id") WHERE status = 'PENDING';--> statement-breakpoint
CREATE INDEX "return_requests_pending_idx" ON "return_requests" USING btree ("created_at","id") WHERE status = 'PENDING';