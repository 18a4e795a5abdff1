ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
-- Accounts disabled before this column: from their last change, the best instant known.
UPDATE "users" SET "disabled_at" = "updated_at" WHERE "disabled" AND "disabled_at" IS NULL;
