import { alertGroupSchema, alertGroupToIngestEvent } from "@/lib/ingest/alert-group";
import { integrationRoute, parseJsonBody } from "@/lib/ingest/integration-route";

/** Grafana's webhook contact point (Alertmanager's shape plus title, state and message). */
export const POST = integrationRoute("grafana", {}, async (body) => {
  const { data, raw } = parseJsonBody(alertGroupSchema, body);
  return { event: alertGroupToIngestEvent(data), raw };
});
