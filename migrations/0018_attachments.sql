ALTER TYPE "public"."ticket_event_type" ADD VALUE 'ATTACHMENT_ADDED';--> statement-breakpoint
CREATE TABLE "attachment_blobs" (
	"key" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_blobs_key_seq_pk" PRIMARY KEY("key","seq")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"event_id" bigint,
	"visibility" "note_visibility" NOT NULL,
	"file_name" text NOT NULL,
	"declared_type" text NOT NULL,
	"content_type" text,
	"bytes" bigint NOT NULL,
	"status" text NOT NULL,
	"width" integer,
	"height" integer,
	"has_thumbnail" boolean DEFAULT false NOT NULL,
	"has_public_variant" boolean DEFAULT false NOT NULL,
	"uploader_kind" text NOT NULL,
	"uploader_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"upload_token_hash" text,
	"upload_expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_ticket_idx" ON "attachments" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "attachments_upload_token_idx" ON "attachments" USING btree ("upload_token_hash") WHERE upload_token_hash is not null;