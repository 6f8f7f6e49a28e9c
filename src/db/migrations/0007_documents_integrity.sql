-- An annex belongs to a document of the same edition (the Seoul Framework annexed to the chair's statement).
ALTER TABLE "documents" ADD CONSTRAINT "documents_id_edition" UNIQUE ("id", "edition_id");
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_annex_fk"
  FOREIGN KEY ("annex_to_id", "edition_id") REFERENCES "documents" ("id", "edition_id") ON DELETE SET NULL ("annex_to_id");
--> statement-breakpoint
-- Readouts are written in a language people read: a BCP 47 tag.
ALTER TABLE "readouts" ADD CONSTRAINT "readouts_lang" CHECK ("lang" ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$');
