ALTER TABLE "participants" DROP CONSTRAINT "participants_edition_id_editions_id_fk";
--> statement-breakpoint
ALTER TABLE "participants" DROP CONSTRAINT "participants_delegation_id_delegations_id_fk";
--> statement-breakpoint
DROP INDEX "participants_delegation";--> statement-breakpoint
DROP INDEX "participants_queue";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "name_search" text GENERATED ALWAYS AS (lower(regexp_replace(family_name::text || ' ' || given_name::text, '"[A-Za-z-]+":', '', 'g') || ' ' || coalesce(email, ''))) STORED;--> statement-breakpoint
CREATE INDEX "participants_queue_category" ON "participants" USING btree ("edition_id","status","category","created_at","id");--> statement-breakpoint
CREATE INDEX "participants_name_search" ON "participants" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "participants_delegation" ON "participants" USING btree ("delegation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "participants_queue" ON "participants" USING btree ("edition_id","status","created_at","id");