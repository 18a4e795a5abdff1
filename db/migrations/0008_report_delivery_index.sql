DROP INDEX "notifications_incident_idx";--> statement-breakpoint
CREATE INDEX "notifications_incident_idx" ON "notifications" USING btree ("incident_id","created_at","state","channel","read_at");