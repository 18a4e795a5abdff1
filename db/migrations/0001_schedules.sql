CREATE TABLE "cover_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"schedule_id" text NOT NULL,
	"swap_request_id" text NOT NULL,
	"covered_user_id" text NOT NULL,
	"covering_user_id" text NOT NULL,
	"hours" real NOT NULL,
	"burden" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ical_feeds" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"schedule_id" text,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ical_feeds_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "schedule_layer_assignments" (
	"layer_id" text NOT NULL,
	"shift_index" integer NOT NULL,
	"user_id" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_layer_assignments_layer_id_shift_index_pk" PRIMARY KEY("layer_id","shift_index")
);
--> statement-breakpoint
CREATE TABLE "schedule_layer_participants" (
	"layer_id" text NOT NULL,
	"position" integer NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "schedule_layer_participants_layer_id_position_pk" PRIMARY KEY("layer_id","position")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "schedule_layers" (
	"id" text PRIMARY KEY NOT NULL,
	"schedule_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"shift_unit" text NOT NULL,
	"shift_count" integer NOT NULL,
	"handoff_time" text NOT NULL,
	"handoff_weekday" integer,
	"start_date" date NOT NULL,
	"restrictions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"schedule_id" text NOT NULL,
	"user_id" text NOT NULL,
	"replaces_user_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"origin" text DEFAULT 'override' NOT NULL,
	"swap_request_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"team_id" text,
	"client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedules_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "swap_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"schedule_id" text NOT NULL,
	"kind" text NOT NULL,
	"requester_id" text NOT NULL,
	"counterpart_id" text,
	"layer_id" text NOT NULL,
	"shift_index" integer NOT NULL,
	"shift_start" timestamp with time zone NOT NULL,
	"shift_end" timestamp with time zone NOT NULL,
	"part_start" timestamp with time zone NOT NULL,
	"part_end" timestamp with time zone NOT NULL,
	"counterpart_layer_id" text,
	"counterpart_shift_index" integer,
	"counterpart_start" timestamp with time zone,
	"counterpart_end" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"flagged_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_off" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "swap_approval_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "burden_weights" jsonb;--> statement-breakpoint
ALTER TABLE "cover_ledger" ADD CONSTRAINT "cover_ledger_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_ledger" ADD CONSTRAINT "cover_ledger_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_ledger" ADD CONSTRAINT "cover_ledger_covered_user_id_users_id_fk" FOREIGN KEY ("covered_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_ledger" ADD CONSTRAINT "cover_ledger_covering_user_id_users_id_fk" FOREIGN KEY ("covering_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ical_feeds" ADD CONSTRAINT "ical_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ical_feeds" ADD CONSTRAINT "ical_feeds_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_layer_assignments" ADD CONSTRAINT "schedule_layer_assignments_layer_id_schedule_layers_id_fk" FOREIGN KEY ("layer_id") REFERENCES "public"."schedule_layers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_layer_assignments" ADD CONSTRAINT "schedule_layer_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_layer_participants" ADD CONSTRAINT "schedule_layer_participants_layer_id_schedule_layers_id_fk" FOREIGN KEY ("layer_id") REFERENCES "public"."schedule_layers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_layer_participants" ADD CONSTRAINT "schedule_layer_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_layers" ADD CONSTRAINT "schedule_layers_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_overrides" ADD CONSTRAINT "schedule_overrides_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_overrides" ADD CONSTRAINT "schedule_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_overrides" ADD CONSTRAINT "schedule_overrides_replaces_user_id_users_id_fk" FOREIGN KEY ("replaces_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swap_requests" ADD CONSTRAINT "swap_requests_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swap_requests" ADD CONSTRAINT "swap_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swap_requests" ADD CONSTRAINT "swap_requests_counterpart_id_users_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cover_ledger_team_idx" ON "cover_ledger" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "cover_ledger_covered_idx" ON "cover_ledger" USING btree ("covered_user_id");--> statement-breakpoint
CREATE INDEX "cover_ledger_covering_idx" ON "cover_ledger" USING btree ("covering_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ical_feeds_active_idx" ON "ical_feeds" USING btree ("kind","user_id","schedule_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "schedule_layers_schedule_idx" ON "schedule_layers" USING btree ("schedule_id");--> statement-breakpoint
CREATE INDEX "schedule_overrides_range_idx" ON "schedule_overrides" USING btree ("schedule_id","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "schedule_overrides_swap_idx" ON "schedule_overrides" USING btree ("swap_request_id");--> statement-breakpoint
CREATE INDEX "schedules_team_idx" ON "schedules" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "swap_requests_schedule_idx" ON "swap_requests" USING btree ("schedule_id","status");--> statement-breakpoint
CREATE INDEX "swap_requests_requester_idx" ON "swap_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "swap_requests_counterpart_idx" ON "swap_requests" USING btree ("counterpart_id");--> statement-breakpoint
CREATE INDEX "time_off_user_idx" ON "time_off" USING btree ("user_id","from_date");