import { contracts } from "@/lib/api/contracts";
import { recordHandover } from "@/lib/evidence/record-handover";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(contracts.recordEvidenceHandover, async (ctx, { params, body }) => ({ data: await recordHandover({ ctx, input: { ...(body as object), incidentId: params.incidentId, evidenceId: params.evidenceId } }) }));
