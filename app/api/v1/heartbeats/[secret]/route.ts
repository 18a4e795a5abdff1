import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { BatonError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { pingHeartbeat } from "@/lib/heartbeats/ping-heartbeat";

/** A heartbeat ping: POST only (GET never changes state). The secret in the URL is the credential. */
export async function POST(req: NextRequest, route: { params: Promise<{ secret: string }> }) {
  const meta = requestMetaFromHeaders(req.headers);
  try {
    const { secret } = await route.params;
    const result = await pingHeartbeat({ ctx: { db: await getDb(), meta, now: new Date() }, input: { secret } });
    return NextResponse.json({ data: result }, { headers: { "X-Request-Id": meta.requestId } });
  } catch (e) {
    if (e instanceof BatonError) return errorResponse(e, meta.requestId);
    console.error(`[heartbeat] ping failed (request ${meta.requestId})`, e);
    return NextResponse.json({ error: { code: "unavailable", message: "Try again shortly." } }, { status: 503, headers: { "Retry-After": "5" } });
  }
}

export function GET() {
  return NextResponse.json({ error: { code: "invalid", message: "Ping with POST (for example: curl -fsS -X POST <this URL>)." } }, { status: 405, headers: { Allow: "POST" } });
}
