CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"sort" jsonb,
	"columns" text[] NOT NULL,
	"visibility" text NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_owner_id_list_name_index" ON "saved_views" USING btree ("owner_id","list","name");--> statement-breakpoint
CREATE INDEX "saved_views_list_department_id_index" ON "saved_views" USING btree ("list","department_id") WHERE visibility <> 'PRIVATE';--> statement-breakpoint
CREATE INDEX "settings_audit_kind_entity_id_id_index" ON "settings_audit" USING btree ("kind","entity_id","id");--> statement-breakpoint
CREATE INDEX "settings_audit_at_index" ON "settings_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "settings_audit_actor_id_id_index" ON "settings_audit" USING btree ("actor_id","id");--> statement-breakpoint
-- hand-written below
-- The routing audit moves into settings_audit, oldest first so ids keep their order; the generated
-- DROP of routing_rule_changes is moved here, after the copy (keep it so when renumbering).
INSERT INTO "settings_audit" ("kind", "entity_id", "action", "actor_kind", "actor_id", "at", "before", "after")
SELECT 'ROUTING_RULE', coalesce("rule_id"::text, ''), "action", CASE WHEN "actor_id" IS NULL THEN 'system' ELSE 'user' END,
       "actor_id", "at", "before", "after"
FROM "routing_rule_changes" ORDER BY "id";--> statement-breakpoint
DROP TABLE "routing_rule_changes" CASCADE;
