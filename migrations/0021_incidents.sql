ALTER TYPE "public"."ticket_event_type" ADD VALUE 'LINKED_TO_INCIDENT';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'UNLINKED_FROM_INCIDENT';--> statement-breakpoint
ALTER TYPE "public"."ticket_status" ADD VALUE 'LINKED' BEFORE 'RESOLVED';--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_incident_id_tickets_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_incident_idx" ON "tickets" USING btree ("incident_id","created_at") WHERE incident_id is not null;--> statement-breakpoint
CREATE INDEX "tickets_incident_waiting_idx" ON "tickets" USING btree ("incident_id") WHERE incident_id is not null and resolved_at is null and closed_at is null;