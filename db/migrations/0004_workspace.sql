CREATE TABLE "client_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"phone" text,
	"preferred_channel" text DEFAULT 'email' NOT NULL,
	"when_to_call" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_contacts_role" CHECK ("client_contacts"."role" in ('owner', 'management', 'partner', 'vendor', 'customer', 'legal'))
);
--> statement-breakpoint
CREATE TABLE "evidence_custody" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evidence_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_label" text NOT NULL,
	"to_label" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"recorded_by" text
);
--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"collected_by" text,
	"collected_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	"size" integer,
	"content_type" text,
	"content" "bytea",
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_items_sha256" CHECK ("evidence_items"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "incident_break_glass" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_checklist_items" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"position" integer NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text
);
--> statement-breakpoint
CREATE TABLE "incident_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "incident_participants_role" CHECK ("incident_participants"."role" in ('incident_manager', 'triage_analyst', 'forensic_analyst', 'threat_researcher', 'communications_lead', 'responder'))
);
--> statement-breakpoint
CREATE TABLE "incident_status_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"phase" text NOT NULL,
	"message" text NOT NULL,
	"author_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_status_updates_phase" CHECK ("incident_status_updates"."phase" in ('investigating', 'identified', 'monitoring', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text,
	"audience" text NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_action_items" (
	"id" text PRIMARY KEY NOT NULL,
	"postmortem_id" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"due_date" text,
	"status" text DEFAULT 'open' NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"postmortem_id" text NOT NULL,
	"section" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_reviewers" (
	"postmortem_id" text NOT NULL,
	"user_id" text NOT NULL,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "postmortem_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"postmortem_id" text NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"facts" jsonb NOT NULL,
	"starred_timeline_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"alert_real" text,
	"reached_right_person" text,
	"enough_information" boolean,
	"information_to_add" text,
	"meeting_at" timestamp with time zone,
	"meeting_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "postmortems_incident_id_unique" UNIQUE("incident_id"),
	CONSTRAINT "postmortems_status" CHECK ("postmortems"."status" in ('draft', 'in_review', 'published'))
);
--> statement-breakpoint
CREATE TABLE "stakeholder_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"audiences" jsonb NOT NULL,
	"sent_by" text,
	"sent_at" timestamp with time zone NOT NULL,
	"messages" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_types" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"security" boolean DEFAULT false NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_types_key_unique" UNIQUE("key"),
	CONSTRAINT "incident_types_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "type_id" text;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_collected_by_users_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_break_glass" ADD CONSTRAINT "incident_break_glass_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_break_glass" ADD CONSTRAINT "incident_break_glass_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_checklist_items" ADD CONSTRAINT "incident_checklist_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_checklist_items" ADD CONSTRAINT "incident_checklist_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_status_updates" ADD CONSTRAINT "incident_status_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_status_updates" ADD CONSTRAINT "incident_status_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_action_items" ADD CONSTRAINT "postmortem_action_items_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_action_items" ADD CONSTRAINT "postmortem_action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_comments" ADD CONSTRAINT "postmortem_comments_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_comments" ADD CONSTRAINT "postmortem_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_revisions" ADD CONSTRAINT "postmortem_revisions_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_revisions" ADD CONSTRAINT "postmortem_revisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_updates" ADD CONSTRAINT "stakeholder_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_updates" ADD CONSTRAINT "stakeholder_updates_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_contacts_client_idx" ON "client_contacts" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "evidence_custody_evidence_idx" ON "evidence_custody" USING btree ("evidence_id","id");--> statement-breakpoint
CREATE INDEX "evidence_items_incident_idx" ON "evidence_items" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_break_glass_idx" ON "incident_break_glass" USING btree ("incident_id","user_id","expires_at");--> statement-breakpoint
CREATE INDEX "incident_checklist_items_incident_idx" ON "incident_checklist_items" USING btree ("incident_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_participants_active_idx" ON "incident_participants" USING btree ("incident_id","user_id","role") WHERE "incident_participants"."left_at" is null;--> statement-breakpoint
CREATE INDEX "incident_participants_user_idx" ON "incident_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "incident_status_updates_incident_idx" ON "incident_status_updates" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "message_templates_client_idx" ON "message_templates" USING btree ("client_id","audience");--> statement-breakpoint
CREATE INDEX "postmortem_action_items_idx" ON "postmortem_action_items" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "postmortem_action_items_due_idx" ON "postmortem_action_items" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "postmortem_comments_idx" ON "postmortem_comments" USING btree ("postmortem_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_reviewers_idx" ON "postmortem_reviewers" USING btree ("postmortem_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_revisions_idx" ON "postmortem_revisions" USING btree ("postmortem_id","revision");--> statement-breakpoint
CREATE INDEX "stakeholder_updates_incident_idx" ON "stakeholder_updates" USING btree ("incident_id","sent_at");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_type_id_incident_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."incident_types"("id") ON DELETE set null ON UPDATE no action;