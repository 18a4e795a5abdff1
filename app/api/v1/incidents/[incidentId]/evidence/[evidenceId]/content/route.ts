import { contracts } from "@/lib/api/contracts";
import { downloadEvidence } from "@/lib/evidence/download-evidence";
import { evidenceFileResponse } from "@/lib/evidence/evidence-file-response";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.downloadEvidence, async (ctx, { params }) => evidenceFileResponse(await downloadEvidence(ctx, params.incidentId, params.evidenceId)));
