import { contracts } from "@/lib/api/contracts";
import { removePushSubscription } from "@/lib/escalations/remove-push-subscription";
import { savePushSubscription } from "@/lib/escalations/save-push-subscription";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(contracts.savePushSubscription, async (ctx, { body }, req) => {
  const { device } = await savePushSubscription({ ctx, input: body, userAgent: req.headers.get("user-agent") });
  return { data: device };
});

export const DELETE = apiRoute(contracts.removePushSubscription, async (ctx, { body }) => {
  const b = (body ?? {}) as Record<string, unknown>;
  // The API removes by endpoint only; ids are for the settings page.
  await removePushSubscription({ ctx, input: { endpoint: b.endpoint ?? "" } });
});
