ALTER TABLE "participants" drop column "name_search";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "name_search" text GENERATED ALWAYS AS (lower(jsonb_path_query_array(family_name, '$.*')::text || ' ' || jsonb_path_query_array(given_name, '$.*')::text)) STORED;--> statement-breakpoint
CREATE INDEX "participants_email" ON "participants" USING btree ("edition_id",lower("email"));--> statement-breakpoint
-- Dropping the column dropped its trigram index: build it again on the new column.
CREATE INDEX "participants_name_search" ON "participants" USING gin ("name_search" gin_trgm_ops);
