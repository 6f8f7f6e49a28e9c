-- Integrity Drizzle cannot express in the schema file.
-- A participant's delegation belongs to the participant's edition.
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_id_edition" UNIQUE ("id", "edition_id");
--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_delegation_edition_fk"
  FOREIGN KEY ("delegation_id", "edition_id") REFERENCES "delegations" ("id", "edition_id") ON DELETE CASCADE;
--> statement-breakpoint
-- The head of a delegation is one of its participants (circular, hence added here).
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_head_fk"
  FOREIGN KEY ("head_participant_id") REFERENCES "participants" ("id") ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_photo_fk"
  FOREIGN KEY ("photo_file_id") REFERENCES "files" ("id") ON DELETE SET NULL;
--> statement-breakpoint
CREATE INDEX "organisations_name_trgm" ON "organisations" USING gin (("name"::text) gin_trgm_ops);
