import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { removeParticipant } from "@/lib/workspace/remove-participant";

export const DELETE = apiRoute(contracts.removeIncidentParticipant, async (ctx, { params }) => {
  await removeParticipant({ ctx, input: params });
});
