ALTER TABLE "daily_rollups" ADD COLUMN "rejected_returns" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- hand-written below
-- Days rolled up before this column existed are rolled up again where a return request was rejected.
INSERT INTO rollup_dirty_days (day)
SELECT DISTINCT (t.created_at AT TIME ZONE coalesce((SELECT timezone FROM business_calendar WHERE id = 1), 'Asia/Shanghai'))::date
FROM tickets t JOIN return_requests r ON r.ticket_id = t.id
WHERE r.status = 'REJECTED';
