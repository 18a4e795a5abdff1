import { genericAlertSchema, genericToIngestEvent } from "@/lib/ingest/generic";
import { integrationRoute, parseJsonBody } from "@/lib/ingest/integration-route";

/** The generic JSON form: summary, details, dedupKey, priority, action. */
export const POST = integrationRoute("generic", {}, async (body) => {
  const { data, raw } = parseJsonBody(genericAlertSchema, body);
  return { event: genericToIngestEvent(data), raw };
});
