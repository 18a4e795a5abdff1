import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { InvalidError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { emailToIngestEvent } from "@/lib/ingest/email";
import { authorizeIngestKey } from "@/lib/ingest/integration-key-auth";
import { ingestConverted, ingestionHandler, parseJsonBody } from "@/lib/ingest/integration-route";
import { readBodyBytesCapped } from "@/lib/ingest/read-body";
import { fetchReceivedEmail, MAX_RESEND_WEBHOOK_BYTES, resendEventSchema, resendReceivedSchema, routingKeysOf, verifyResendWebhook } from "@/lib/ingest/resend-inbound";

/**
 * Resend inbound: the `email.received` webhook, verified with RESEND_WEBHOOK_SECRET. The
 * recipient's local part is the service's integration key; the content comes from Resend's
 * Received emails API and goes through the service's email rules like a forwarded message.
 */
export const POST = ingestionHandler("email", async (req, meta) => {
  const e = env();
  if (!e.RESEND_WEBHOOK_SECRET || !e.RESEND_API_KEY) throw new NotFoundError("Resend inbound (set RESEND_WEBHOOK_SECRET and RESEND_API_KEY)");
  const body = await readBodyBytesCapped(req, MAX_RESEND_WEBHOOK_BYTES);
  const db = await getDb();
  const now = new Date();
  try {
    verifyResendWebhook(body.toString("utf8"), req.headers, e.RESEND_WEBHOOK_SECRET, e.RESEND_API_KEY);
  } catch (error) {
    await recordAudit(db, { meta, now }, { action: "ingest.unauthorized", details: { source: "resend" } });
    throw error;
  }
  const { data: event } = parseJsonBody(resendEventSchema, body);
  const headers = { "X-Request-Id": meta.requestId };
  if (event.type !== "email.received") return NextResponse.json({ data: { outcome: "ignored", reason: `Only email.received events are read (this was ${event.type})` } }, { status: 200, headers });
  const parsed = resendReceivedSchema.safeParse(event.data);
  if (!parsed.success) throw InvalidError.fromZod(parsed.error, ["data"]);
  const received = parsed.data;

  // The first recipient whose local part is an active integration key decides the service.
  let authorized: Awaited<ReturnType<typeof authorizeIngestKey>> = null;
  for (const key of routingKeysOf(received)) {
    authorized = await authorizeIngestKey(db, key, now);
    if (authorized) break;
  }
  if (!authorized) {
    // Answered 2xx: Resend would otherwise retry a mail no service will ever take.
    await recordAudit(db, { meta, now }, { action: "ingest.unrouted", details: { source: "resend", emailId: received.email_id, to: received.to ?? [] } });
    return NextResponse.json({ data: { outcome: "unrouted", reason: "No recipient's address is an active integration key (<routing key>@your-inbound-domain)" } }, { status: 202, headers });
  }
  const { target, limit } = authorized;
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  const { mail, raw } = await fetchReceivedEmail(received.email_id, { apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL });
  const { event: ingest, dedupKey } = emailToIngestEvent(mail, target.emailRules);
  return ingestConverted({ db, meta, now, target, source: "email" }, { event: ingest, raw, dedupKey });
});
