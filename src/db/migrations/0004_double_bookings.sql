-- The database refuses double bookings, whatever a service, the scheduler or a user does.
-- Two sessions in one room at overlapping times:
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_no_double_booking"
  EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&) WHERE ("status" <> 'cancelled');
--> statement-breakpoint
-- A bilateral room booked twice at overlapping times:
ALTER TABLE "bilateral_meetings" ADD CONSTRAINT "bilateral_meetings_no_double_booking"
  EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&);
--> statement-breakpoint
-- A principal's copy of the meeting time follows the meeting (ON UPDATE CASCADE)…
ALTER TABLE "bilateral_meetings" ADD CONSTRAINT "bilateral_meetings_id_during" UNIQUE ("id", "during");
--> statement-breakpoint
ALTER TABLE "bilateral_meeting_principals" ADD CONSTRAINT "bilateral_meeting_principals_meeting_fk"
  FOREIGN KEY ("meeting_id", "during") REFERENCES "bilateral_meetings" ("id", "during")
  ON UPDATE CASCADE ON DELETE CASCADE;
--> statement-breakpoint
-- …so that a principal is never in two meetings at once:
ALTER TABLE "bilateral_meeting_principals" ADD CONSTRAINT "bilateral_principals_no_double_booking"
  EXCLUDE USING gist ("participant_id" WITH =, "during" WITH &&);
--> statement-breakpoint
ALTER TABLE "session_roles" ADD CONSTRAINT "session_roles_media_file_fk"
  FOREIGN KEY ("media_file_id") REFERENCES "files" ("id") ON DELETE SET NULL;
