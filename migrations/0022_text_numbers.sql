-- The numbers written in a ticket's search text (number, title, description, address): every run of
-- 7 or more ASCII digits, once each. A search by a whole phone number reads them through a GIN index
-- whose posting list for one number holds only the tickets that quote it, so its cost does not grow
-- with the table, where the trigram index's digit trigrams (only 1,000 of them) do. The caller's phone
-- is not in the search text and so not here either (docs/security.md).
CREATE FUNCTION ticket_text_numbers(search_text text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT run), '{}')
  FROM unnest(regexp_split_to_array(search_text, '[^0-9]+')) AS run
  WHERE length(run) >= 7
$$;
--> statement-breakpoint
CREATE INDEX "tickets_text_numbers_idx" ON "tickets" USING gin (ticket_text_numbers("search_text"));
--> statement-breakpoint
-- The tickets whose text writes one of `numbers`, through the index above. PostgreSQL cannot estimate
-- an overlap with numbers this rare (none is common enough for its statistics), guesses 1.5 % of the
-- table for three of them, and at 5 M tickets would start parallel workers for the one or two rows
-- that match, after compiling the plan with JIT (20-40 ms each time); here the lookup says what it
-- returns (ROWS 10) and runs in this process, interpreted.
CREATE FUNCTION tickets_quoting_numbers(numbers text[]) RETURNS SETOF uuid LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10
SET max_parallel_workers_per_gather = 0
SET jit = off
AS $$
  SELECT id FROM tickets WHERE ticket_text_numbers(search_text) && numbers
$$;
