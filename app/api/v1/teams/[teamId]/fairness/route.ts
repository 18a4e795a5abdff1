import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { fairnessReport } from "@/lib/schedules/fairness-report";

export const GET = apiRoute(contracts.fairnessReport, async (ctx, { params, query }) => ({ data: await fairnessReport({ ctx, input: { ...query, teamId: params.teamId } }) }));
