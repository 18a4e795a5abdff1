import { getDb } from "@/db/client";
import { BatonError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { MAX_PAYLOAD_DEPTH, nestedDeeperThan, redactRoutingKey } from "./event-schema";
import { ingestEvent } from "./ingest-event";
import { authorizeIngestKey } from "./integration-key-auth";
import { PAGERDUTY_MAX_BODY_BYTES, pagerDutyErrors, pagerDutyToIngestEvent, parsePagerDutyEvent } from "./pagerduty";
import { readBodyCapped } from "./read-body";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const invalid = (errors: string[], requestId: string) => json(400, { status: "invalid event", message: "Event object is invalid", errors }, { "X-Request-Id": requestId });

/**
 * POST /v2/enqueue, PagerDuty's Events API v2 contract exactly: 202 with the dedup key; 400
 * "invalid event" with the errors (and nothing written) for a bad body or an unknown or revoked
 * routing key; 429 with Retry-After over the key's rate limit; 503 for Baton's own failures
 * (never a 4xx: senders retry 5xx and drop 4xx). No cookies, no bearer token: the routing key
 * in the body is the credential.
 */
export async function handleEnqueue(req: Request, now: () => Date = () => new Date()): Promise<Response> {
  const meta = requestMetaFromHeaders(req.headers);
  try {
    let text: string;
    try {
      text = await readBodyCapped(req, PAGERDUTY_MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof BatonError) return invalid([`body is larger than ${PAGERDUTY_MAX_BODY_BYTES} bytes (512 KB)`], meta.requestId);
      throw e;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return invalid(["body is not valid JSON"], meta.requestId);
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return invalid(["body must be a JSON object"], meta.requestId);
    const parsed = parsePagerDutyEvent(body);
    if (!parsed.success) return invalid(pagerDutyErrors(parsed.error), meta.requestId);
    // The whole event is stored raw: no deeper than its details may be, plus the envelope.
    if (nestedDeeperThan(body, MAX_PAYLOAD_DEPTH)) return invalid([`body must not be nested more than ${MAX_PAYLOAD_DEPTH} levels deep`], meta.requestId);

    const db = await getDb();
    const at = now();
    const authorized = await authorizeIngestKey(db, parsed.data.routing_key, at);
    if (!authorized) return invalid([`routing_key is not a known, active integration key (starts with "${parsed.data.routing_key.slice(0, 8)}")`], meta.requestId);
    const { target, limit } = authorized;
    if (!limit.allowed) {
      return json(429, { status: "throttle event", message: "Requests for this integration key are arriving too quickly. Retry later." }, { "Retry-After": String(limit.retryAfterSeconds), "X-Request-Id": meta.requestId });
    }
    const result = await ingestEvent({
      ctx: { db, meta, now: at, target, source: "events_v2" },
      input: { event: pagerDutyToIngestEvent(parsed.data), raw: redactRoutingKey(body) },
    });
    return json(202, { status: "success", message: "Event processed", dedup_key: result.dedupKey }, { "X-Request-Id": meta.requestId });
  } catch (e) {
    if (e instanceof BatonError && e.code === "invalid") return invalid(e.issues?.map((i) => `${i.path} ${i.message}`) ?? [e.message], meta.requestId);
    console.error(`[enqueue] failed (request ${meta.requestId})`, e);
    return json(503, { status: "unavailable", message: `Baton could not process the event right now; retry (request ${meta.requestId}).` }, { "Retry-After": "5", "X-Request-Id": meta.requestId });
  }
}
