CREATE TABLE "team_holidays" (
	"team_id" text NOT NULL,
	"date" date NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "team_holidays_team_id_date_pk" PRIMARY KEY("team_id","date")
);
--> statement-breakpoint
ALTER TABLE "team_holidays" ADD CONSTRAINT "team_holidays_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;