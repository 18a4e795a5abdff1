ALTER TABLE "users" ADD COLUMN "disabled_periods" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- A disabled account's period so far: from when it was disabled (or its last change, before that was kept).
UPDATE "users" SET "disabled_periods" = jsonb_build_array(jsonb_build_object('from', to_char(coalesce("disabled_at", "updated_at") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'to', null)) WHERE "disabled";
