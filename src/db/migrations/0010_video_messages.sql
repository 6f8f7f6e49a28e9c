ALTER TABLE "files" DROP CONSTRAINT "files_kind";--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_media_type";--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_kind" CHECK ("files"."kind" in ('credentials', 'photo', 'meeting_photo', 'video_message'));--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_media_type" CHECK ("files"."media_type" in ('application/pdf', 'image/jpeg', 'image/png', 'video/mp4', 'video/webm'));