DROP INDEX "participants_delegation";--> statement-breakpoint
CREATE INDEX "participants_delegation" ON "participants" USING btree ("delegation_id","status","created_at","id");