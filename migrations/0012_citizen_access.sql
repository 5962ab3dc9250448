CREATE TABLE "citizen_access" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"lookup_hash" text NOT NULL,
	"email" text,
	"language" text DEFAULT 'zh-CN' NOT NULL,
	"sealed_code" text,
	"feedback_token_hash" text,
	"feedback_token_expires_at" timestamp with time zone,
	"feedback_token_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recipient_masked" text NOT NULL,
	"ok" boolean NOT NULL,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"sealed_secret" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"event" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "notification_templates_event_language_pk" PRIMARY KEY("event","language")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "feedback_channel" text;--> statement-breakpoint
ALTER TABLE "citizen_access" ADD CONSTRAINT "citizen_access_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_delivery_id_notification_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."notification_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_access_feedback_token_idx" ON "citizen_access" USING btree ("feedback_token_hash") WHERE feedback_token_hash is not null;--> statement-breakpoint
CREATE INDEX "citizen_access_sealed_code_idx" ON "citizen_access" USING btree ("ticket_id") WHERE sealed_code is not null;--> statement-breakpoint
CREATE INDEX "notification_attempts_delivery_id_at_index" ON "notification_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_ticket_idx" ON "notification_deliveries" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("next_attempt_at") WHERE delivered_at is null and next_attempt_at is not null;