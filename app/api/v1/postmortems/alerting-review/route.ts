import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { countAlertingReview } from "@/lib/postmortems/count-alerting-review";

export const GET = apiRoute(contracts.countPostmortemAlertingReview, async (ctx, { query }) => ({ data: await countAlertingReview(ctx, query) }));
