CREATE TYPE "public"."note_visibility" AS ENUM('INTERNAL', 'PUBLIC');--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'NOTE_ADDED';--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "visibility" "note_visibility";