CREATE TABLE "bilateral_meeting_principals" (
	"meeting_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	CONSTRAINT "bilateral_meeting_principals_meeting_id_participant_id_pk" PRIMARY KEY("meeting_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "bilateral_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at)) STORED,
	"status" text DEFAULT 'provisional' NOT NULL,
	"published" text DEFAULT 'no' NOT NULL,
	"flagged_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bilateral_meetings_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "bilateral_meetings_order" CHECK ("bilateral_meetings"."ends_at" > "bilateral_meetings"."starts_at"),
	CONSTRAINT "bilateral_meetings_status" CHECK ("bilateral_meetings"."status" in ('tentative', 'provisional', 'confirmed')),
	CONSTRAINT "bilateral_meetings_published" CHECK ("bilateral_meetings"."published" in ('no', 'provisional', 'final'))
);
--> statement-breakpoint
CREATE TABLE "bilateral_request_parties" (
	"request_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"proposed_start" timestamp with time zone,
	"proposed_end" timestamp with time zone,
	"responded_at" timestamp with time zone,
	CONSTRAINT "bilateral_request_parties_request_id_delegation_id_pk" PRIMARY KEY("request_id","delegation_id"),
	CONSTRAINT "bilateral_request_parties_response" CHECK ("bilateral_request_parties"."response" in ('pending', 'accepted', 'declined', 'proposed'))
);
--> statement-breakpoint
CREATE TABLE "bilateral_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"requester_delegation_id" uuid NOT NULL,
	"kind" text DEFAULT 'meeting' NOT NULL,
	"length_minutes" integer NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone,
	"notes" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bilateral_requests_kind" CHECK ("bilateral_requests"."kind" in ('meeting', 'stand_up', 'courtesy_call')),
	CONSTRAINT "bilateral_requests_status" CHECK ("bilateral_requests"."status" in ('pending', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "bilateral_requests_length" CHECK ("bilateral_requests"."length_minutes" between 5 and 240),
	CONSTRAINT "bilateral_requests_priority" CHECK ("bilateral_requests"."priority" between 1 and 100),
	CONSTRAINT "bilateral_requests_window" CHECK ("bilateral_requests"."window_end" is null or "bilateral_requests"."window_start" is null or "bilateral_requests"."window_end" > "bilateral_requests"."window_start")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" jsonb NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_unavailability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	CONSTRAINT "room_unavailability_order" CHECK ("room_unavailability"."ends_at" > "room_unavailability"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text DEFAULT 'meeting_room' NOT NULL,
	"capacity" integer NOT NULL,
	"building" text,
	"zone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_edition_code" UNIQUE("edition_id","code"),
	CONSTRAINT "rooms_kind" CHECK ("rooms"."kind" in ('hall', 'meeting_room', 'bilateral_booth')),
	CONSTRAINT "rooms_capacity" CHECK ("rooms"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_roles" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"role" text NOT NULL,
	"attendance" text DEFAULT 'present' NOT NULL,
	"media_url" text,
	"media_file_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "session_roles_session_id_participant_id_role_pk" PRIMARY KEY("session_id","participant_id","role"),
	CONSTRAINT "session_roles_role" CHECK ("session_roles"."role" in ('chair', 'moderator', 'speaker', 'panellist')),
	CONSTRAINT "session_roles_attendance" CHECK ("session_roles"."attendance" in ('present', 'video_message', 'live_link')),
	CONSTRAINT "session_roles_media_url" CHECK ("session_roles"."media_url" is null or "session_roles"."media_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"theme" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"room_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at)) STORED,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_edition_code" UNIQUE("edition_id","code"),
	CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('opening', 'plenary', 'panel', 'closing', 'side_event')),
	CONSTRAINT "sessions_status" CHECK ("sessions"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "sessions_order" CHECK ("sessions"."ends_at" > "sessions"."starts_at"),
	CONSTRAINT "sessions_code" CHECK ("sessions"."code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "speaker_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speaker_lists_session_id_unique" UNIQUE("session_id")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"session_id" uuid,
	"delegation_id" uuid NOT NULL,
	"participant_id" uuid,
	"delivered_at" timestamp with time zone,
	"attendance" text DEFAULT 'present' NOT NULL,
	"original_language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"is_summary" boolean DEFAULT false NOT NULL,
	"positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_attendance" CHECK ("statements"."attendance" in ('present', 'video_message', 'live_link'))
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	CONSTRAINT "themes_edition_id_code_pk" PRIMARY KEY("edition_id","code"),
	CONSTRAINT "themes_code" CHECK ("themes"."code" ~ '^[a-z0-9_]+$')
);
--> statement-breakpoint
ALTER TABLE "bilateral_meeting_principals" ADD CONSTRAINT "bilateral_meeting_principals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_meeting_principals" ADD CONSTRAINT "bilateral_meeting_principals_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_meetings" ADD CONSTRAINT "bilateral_meetings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_meetings" ADD CONSTRAINT "bilateral_meetings_request_id_bilateral_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bilateral_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_meetings" ADD CONSTRAINT "bilateral_meetings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_request_parties" ADD CONSTRAINT "bilateral_request_parties_request_id_bilateral_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bilateral_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_request_parties" ADD CONSTRAINT "bilateral_request_parties_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_requests" ADD CONSTRAINT "bilateral_requests_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bilateral_requests" ADD CONSTRAINT "bilateral_requests_requester_delegation_id_delegations_id_fk" FOREIGN KEY ("requester_delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_unavailability" ADD CONSTRAINT "room_unavailability_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_roles" ADD CONSTRAINT "session_roles_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_roles" ADD CONSTRAINT "session_roles_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_lists" ADD CONSTRAINT "speaker_lists_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bilateral_requests_edition" ON "bilateral_requests" USING btree ("edition_id","status");--> statement-breakpoint
CREATE INDEX "notifications_delegation" ON "notifications" USING btree ("delegation_id","created_at");--> statement-breakpoint
CREATE INDEX "session_roles_participant" ON "session_roles" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "sessions_edition_start" ON "sessions" USING btree ("edition_id","starts_at");--> statement-breakpoint
CREATE INDEX "statements_session" ON "statements" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "statements_delegation" ON "statements" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "statements_search" ON "statements" USING gin ("search_text" gin_trgm_ops);