import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { BatonError } from "@/lib/errors";
import { renderIcalFeed } from "@/lib/feeds/ical-feeds";

export const dynamic = "force-dynamic";

/** A secret iCal URL: the token is the only credential. Never leaks it onward (no-referrer). */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const headers = { "Referrer-Policy": "no-referrer", "Cache-Control": "private, max-age=300" };
  try {
    const { body } = await renderIcalFeed(await getDb(), token.replace(/\.ics$/, ""), new Date());
    return new Response(body, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="baton.ics"' } });
  } catch (e) {
    if (e instanceof BatonError && e.code === "not_found") return new Response("Not found\n", { status: 404, headers });
    throw e;
  }
}
