import { contracts } from "@/lib/api/contracts";
import { env } from "@/lib/env";
import { InvalidError } from "@/lib/errors";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { assertUploadSize, registerEvidence, type EvidenceUpload } from "@/lib/evidence/register-evidence";
import { apiRoute, readJsonBody } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listEvidence, async (ctx, { params }) => ({ data: await listEvidence(ctx, params.incidentId), nextCursor: null }));

// Form fields and base64 add overhead to the file itself.
const OVERHEAD = 64 * 1024;

/** multipart/form-data with a `file`, or JSON with `contentBase64` or `sha256`; the size limit is checked before the body is read. */
export const POST = apiRoute(contracts.createEvidence, async (ctx, { params }, req) => {
  const max = env().EVIDENCE_MAX_BYTES;
  const declared = Number(req.headers.get("content-length") ?? "0");
  const multipart = (req.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  if (declared > (multipart ? max : Math.ceil((max * 4) / 3)) + OVERHEAD) assertUploadSize(multipart ? declared - OVERHEAD : Math.floor(((declared - OVERHEAD) * 3) / 4));
  let input: Record<string, unknown>;
  let upload: EvidenceUpload | null = null;
  if (multipart) {
    const form = await req.formData().catch(() => {
      throw InvalidError.field("body", "Body is not valid multipart/form-data");
    });
    input = {};
    for (const [k, v] of form.entries()) {
      if (k === "file" && typeof v !== "string") upload = { bytes: new Uint8Array(await v.arrayBuffer()), contentType: v.type || null };
      else if (typeof v === "string") input[k] = v;
    }
  } else {
    const body = await readJsonBody(req, Math.ceil((max * 4) / 3) + OVERHEAD);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw InvalidError.field("body", "Send a JSON object");
    const { contentBase64, contentType, ...rest } = body as Record<string, unknown>;
    input = rest;
    if (contentBase64 !== undefined) {
      if (typeof contentBase64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64.replace(/\s/g, ""))) throw InvalidError.field("contentBase64", "Not base64");
      upload = { bytes: new Uint8Array(Buffer.from(contentBase64, "base64")), contentType: typeof contentType === "string" ? contentType : null };
    }
  }
  return { data: await registerEvidence({ ctx, input: { ...input, incidentId: params.incidentId }, upload }) };
});
