import type { RequestMeta } from "@/lib/audit/record";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Client IP and request id from proxy headers (first hop of X-Forwarded-For). */
export function requestMetaFromHeaders(h: Headers): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip") || null;
  const incoming = h.get("x-request-id");
  return { ip: ip && ip.length <= 64 ? ip : null, requestId: incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID() };
}
