CREATE TABLE "amendment_cosponsors" (
	"amendment_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	CONSTRAINT "amendment_cosponsors_amendment_id_delegation_id_pk" PRIMARY KEY("amendment_id","delegation_id")
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"paragraph_id" text NOT NULL,
	"kind" text NOT NULL,
	"change" jsonb NOT NULL,
	"reason" text,
	"proposer_delegation_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"applied_in_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendments_kind" CHECK ("amendments"."kind" in ('replace', 'insert', 'delete', 'new_paragraph')),
	CONSTRAINT "amendments_status" CHECK ("amendments"."status" in ('proposed', 'accepted', 'rejected', 'merged', 'bracketed', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_number" UNIQUE("document_id","number"),
	CONSTRAINT "document_versions_number_positive" CHECK ("document_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"annex_to_id" uuid,
	"session_id" uuid,
	"current_version" integer DEFAULT 0 NOT NULL,
	"adopted_at" timestamp with time zone,
	"adoption_method" text,
	"silence_deadline" timestamp with time zone,
	"silence_broken_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_edition_code" UNIQUE("edition_id","code"),
	CONSTRAINT "documents_kind" CHECK ("documents"."kind" in ('outcome', 'chair_statement')),
	CONSTRAINT "documents_status" CHECK ("documents"."status" in ('draft', 'under_negotiation', 'adopted', 'published')),
	CONSTRAINT "documents_adoption_method" CHECK ("documents"."adoption_method" is null or "documents"."adoption_method" in ('consensus', 'silence')),
	CONSTRAINT "documents_code" CHECK ("documents"."code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"caption" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readouts_delegation_lang" UNIQUE("edition_id","delegation_id","lang"),
	CONSTRAINT "readouts_status" CHECK ("readouts"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "silence_objections" (
	"document_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "silence_objections_document_id_delegation_id_pk" PRIMARY KEY("document_id","delegation_id")
);
--> statement-breakpoint
ALTER TABLE "amendment_cosponsors" ADD CONSTRAINT "amendment_cosponsors_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_cosponsors" ADD CONSTRAINT "amendment_cosponsors_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposer_delegation_id_delegations_id_fk" FOREIGN KEY ("proposer_delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_photos" ADD CONSTRAINT "meeting_photos_meeting_id_bilateral_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."bilateral_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_photos" ADD CONSTRAINT "meeting_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readouts" ADD CONSTRAINT "readouts_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readouts" ADD CONSTRAINT "readouts_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silence_objections" ADD CONSTRAINT "silence_objections_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silence_objections" ADD CONSTRAINT "silence_objections_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_document" ON "amendments" USING btree ("document_id","status");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("done_at","run_at");--> statement-breakpoint
CREATE INDEX "meeting_photos_meeting" ON "meeting_photos" USING btree ("meeting_id");