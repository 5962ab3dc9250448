-- Trigram search (substring match on Chinese text) and the ticket number sequence.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS ticket_number_seq;
