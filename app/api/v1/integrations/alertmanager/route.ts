import { alertGroupSchema, alertGroupToIngestEvent } from "@/lib/ingest/alert-group";
import { integrationRoute, parseJsonBody } from "@/lib/ingest/integration-route";

/** Alertmanager's webhook (version 4): one alert per groupKey, resolved when the group resolves. */
export const POST = integrationRoute("alertmanager", {}, async (body) => {
  const { data, raw } = parseJsonBody(alertGroupSchema, body);
  return { event: alertGroupToIngestEvent(data), raw };
});
