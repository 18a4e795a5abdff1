CREATE TABLE "schedule_layer_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"layer_id" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"participants" jsonb NOT NULL,
	"shift_unit" text NOT NULL,
	"shift_count" integer NOT NULL,
	"handoff_time" text NOT NULL,
	"handoff_weekday" integer,
	"start_date" date NOT NULL,
	"restrictions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schedule_layer_versions" ADD CONSTRAINT "schedule_layer_versions_layer_id_schedule_layers_id_fk" FOREIGN KEY ("layer_id") REFERENCES "public"."schedule_layers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_layer_versions_layer_idx" ON "schedule_layer_versions" USING btree ("layer_id","valid_until");