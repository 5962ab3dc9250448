CREATE TABLE "daily_rollups" (
	"day" date NOT NULL,
	"department_id" uuid,
	"category_id" uuid,
	"received" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"accepted_on_time" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"excluded" integer DEFAULT 0 NOT NULL,
	"out_of_scope" integer DEFAULT 0 NOT NULL,
	"resolved_with_deadline" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"returns" integer DEFAULT 0 NOT NULL,
	"returned_tickets" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty_days" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"timezone" text,
	"rolled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scorecard_weights" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid
);
--> statement-breakpoint
CREATE INDEX "daily_rollups_department_day_idx" ON "daily_rollups" USING btree ("department_id","day");--> statement-breakpoint
CREATE INDEX "rollup_dirty_days_day_idx" ON "rollup_dirty_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "ticket_events_reopened_idx" ON "ticket_events" USING btree ("ticket_id") WHERE type = 'REOPENED';--> statement-breakpoint
CREATE INDEX "tickets_running_due_created_idx" ON "tickets" USING btree ("due_at","created_at","department_id") WHERE status in ('DISPATCHED', 'IN_PROGRESS');--> statement-breakpoint
-- hand-written below
-- A statement that inserts or changes tickets marks the days (in the business calendar's zone) of the
-- tickets it touched, in its own transaction: the roll-up sees a mark exactly when it sees the change.
-- Updates that leave every figure the roll-up reads unchanged (the SLA tick's timers) mark nothing.
CREATE FUNCTION rollup_mark_inserted_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_days (day)
  SELECT DISTINCT (n.created_at AT TIME ZONE coalesce((SELECT timezone FROM business_calendar WHERE id = 1), 'Asia/Shanghai'))::date
  FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_mark_updated_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_days (day)
  SELECT DISTINCT (d.created_at AT TIME ZONE coalesce((SELECT timezone FROM business_calendar WHERE id = 1), 'Asia/Shanghai'))::date
  FROM new_rows n JOIN old_rows o ON o.id = n.id,
  LATERAL (VALUES (n.created_at), (o.created_at)) AS d(created_at)
  WHERE (n.version, n.status, n.close_reason, n.satisfaction, n.first_dispatched_at, n.accepted_on_time,
         n.resolved_at, n.due_at, n.category_id, n.department_id, n.created_at)
    IS DISTINCT FROM
        (o.version, o.status, o.close_reason, o.satisfaction, o.first_dispatched_at, o.accepted_on_time,
         o.resolved_at, o.due_at, o.category_id, o.department_id, o.created_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_rollup_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_inserted_days();
--> statement-breakpoint
CREATE TRIGGER tickets_rollup_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_updated_days();
--> statement-breakpoint
-- Tickets registered before the roll-up existed: every day of them is rolled up by the workers.
INSERT INTO rollup_dirty_days (day)
SELECT DISTINCT (created_at AT TIME ZONE coalesce((SELECT timezone FROM business_calendar WHERE id = 1), 'Asia/Shanghai'))::date
FROM tickets;
