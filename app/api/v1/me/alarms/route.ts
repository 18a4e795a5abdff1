import { contracts } from "@/lib/api/contracts";
import { listMyAlarms } from "@/lib/escalations/list-my-alarms";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listMyAlarms, async (ctx) => {
  const res = Response.json({ data: await listMyAlarms(ctx), nextCursor: null });
  res.headers.set("Cache-Control", "no-store");
  return res;
});
