import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listPostmortems } from "@/lib/postmortems/list-postmortems";

export const GET = apiRoute(contracts.listPostmortems, (ctx, { query }) => listPostmortems(ctx, query));
