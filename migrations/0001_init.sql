CREATE TYPE "public"."channel" AS ENUM('PHONE', 'WEB', 'APP', 'CITY_PLATFORM', 'API');--> statement-breakpoint
CREATE TYPE "public"."close_reason" AS ENUM('RESOLVED', 'ANSWERED_DIRECTLY', 'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."demand_type" AS ENUM('CONSULTATION', 'HELP_REQUEST', 'COMPLAINT', 'REPORT', 'SUGGESTION');--> statement-breakpoint
CREATE TYPE "public"."department_kind" AS ENUM('HOTLINE_CENTER', 'BUREAU', 'SUB_DISTRICT', 'UTILITY', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION');--> statement-breakpoint
CREATE TYPE "public"."satisfaction" AS ENUM('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');--> statement-breakpoint
CREATE TYPE "public"."sla_clock" AS ENUM('CALENDAR', 'BUSINESS');--> statement-breakpoint
CREATE TYPE "public"."ticket_event_type" AS ENUM('CREATED', 'DISPATCHED', 'ACCEPTED', 'ASSIGNED', 'RETURNED', 'REASSIGNED', 'HELD', 'RESUMED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'RESOLVED', 'FEEDBACK_RECORDED', 'REOPENED', 'CLOSED', 'REMINDER_SENT', 'ESCALATED', 'MERGED');--> statement-breakpoint
CREATE TYPE "public"."ticket_priority" AS ENUM('EMERGENCY', 'ORDINARY', 'COMPLEX');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'RESOLVED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"department_id" uuid,
	"key_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"rate_limit_per_second" integer,
	"rate_limit_burst" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_clients_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	CONSTRAINT "areas_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "business_calendar" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"timezone" text NOT NULL,
	"workdays" integer[] NOT NULL,
	"hours" jsonb NOT NULL,
	"holidays" text[] NOT NULL,
	"extra_workdays" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	CONSTRAINT "categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "department_kind" NOT NULL,
	"parent_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'PENDING' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"ticket_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"relayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "routing_rule_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_id" uuid,
	"action" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"department_id" uuid NOT NULL,
	"priority" "ticket_priority",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scope_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"keywords" text[] NOT NULL,
	"category_codes" text[] NOT NULL,
	"advice" text NOT NULL,
	"redirect_to" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"priority" "ticket_priority" NOT NULL,
	"clock" "sla_clock" NOT NULL,
	"accept_within" text NOT NULL,
	"resolve_within" text NOT NULL,
	"remind_at" real[] NOT NULL,
	"escalation" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_priority_unique" UNIQUE("priority")
);
--> statement-breakpoint
CREATE TABLE "ticket_departments" (
	"ticket_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_departments_ticket_id_department_id_pk" PRIMARY KEY("ticket_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"type" "ticket_event_type" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_client_id" uuid,
	"from_status" "ticket_status",
	"to_status" "ticket_status",
	"department_id" uuid,
	"note" text,
	"level" integer,
	"fraction" real,
	"sla_cycle" integer,
	"effect_key" text,
	"data" jsonb,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" "ticket_status" DEFAULT 'NEW' NOT NULL,
	"priority" "ticket_priority" NOT NULL,
	"demand_type" "demand_type" NOT NULL,
	"channel" "channel" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_id" uuid,
	"area_id" uuid,
	"address" text,
	"caller_name" text,
	"caller_phone" text,
	"department_id" uuid,
	"assignee_id" uuid,
	"external_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid NOT NULL,
	"idempotency_key" text,
	"idempotency_hash" text,
	"sla_policy_id" uuid,
	"sla_cycle" integer DEFAULT 0 NOT NULL,
	"clock_started_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"next_timer_at" timestamp with time zone,
	"first_dispatched_at" timestamp with time zone,
	"accepted_on_time" boolean,
	"reply" text,
	"resolved_at" timestamp with time zone,
	"satisfaction" "satisfaction",
	"feedback_comment" text,
	"feedback_at" timestamp with time zone,
	"close_reason" "close_reason",
	"closed_at" timestamp with time zone,
	"return_count" integer DEFAULT 0 NOT NULL,
	"needs_manager" boolean DEFAULT false NOT NULL,
	"duplicate_of_id" uuid,
	"search_text" text GENERATED ALWAYS AS (number || ' ' || title || ' ' || description || ' ' || coalesce(address, '') || ' ' || coalesce(caller_phone, '')) STORED,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"department_id" uuid,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"event_type" text NOT NULL,
	"body" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret_encrypted" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_departments" ADD CONSTRAINT "ticket_departments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_departments" ADD CONSTRAINT "ticket_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_sla_policy_id_sla_policies_id_fk" FOREIGN KEY ("sla_policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_duplicate_of_id_tickets_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_id_index" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "categories_parent_id_index" ON "categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "departments_parent_id_index" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "extension_requests_ticket_id_index" ON "extension_requests" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_requests_one_pending_idx" ON "extension_requests" USING btree ("ticket_id") WHERE status = 'PENDING';--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE relayed_at is null;--> statement-breakpoint
CREATE INDEX "routing_rule_changes_at_index" ON "routing_rule_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "ticket_departments_department_id_ticket_id_index" ON "ticket_departments" USING btree ("department_id","ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_events_feed_idx" ON "ticket_events" USING btree ("txid","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_effect_idx" ON "ticket_events" USING btree ("ticket_id","effect_key") WHERE effect_key is not null;--> statement-breakpoint
CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_department_status_due_idx" ON "tickets" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tickets_department_created_idx" ON "tickets" USING btree ("department_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_status_created_idx" ON "tickets" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_due_open_idx" ON "tickets" USING btree ("due_at") WHERE status in ('DISPATCHED', 'IN_PROGRESS');--> statement-breakpoint
CREATE INDEX "tickets_next_timer_idx" ON "tickets" USING btree ("next_timer_at") WHERE next_timer_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_caller_phone_idx" ON "tickets" USING btree ("caller_phone");--> statement-breakpoint
CREATE INDEX "tickets_external_ref_idx" ON "tickets" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "tickets_category_idx" ON "tickets" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "tickets_area_created_idx" ON "tickets" USING btree ("area_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_search_trgm_idx" ON "tickets" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_idempotency_idx" ON "tickets" USING btree ("created_by_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "users_department_id_index" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_id_at_index" ON "webhook_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_event_id_index" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_list_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at" DESC NULLS LAST);