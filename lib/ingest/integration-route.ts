import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { AlertSource } from "@/db/schema";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";
import { BatonError, InvalidError, RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { errorResponse, MAX_JSON_BODY_BYTES } from "@/lib/http/api-route";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { MAX_PAYLOAD_DEPTH, nestedDeeperThan, type IngestEvent } from "./event-schema";
import { ingestEvent, recordIgnoredEvent, type IngestCtx, type IngestResult } from "./ingest-event";
import { authorizeIngestKey, type IngestTarget } from "./integration-key-auth";
import { readBodyBytesCapped } from "./read-body";

export type Conversion = { event: IngestEvent | null; raw: unknown; dedupKey?: string };

/**
 * Ingests a converted event for an authorized target and answers 202 `{ data: { dedupKey,
 * outcome, … } }` (a conversion with no event is recorded as ignored).
 */
export async function ingestConverted(ctx: IngestCtx, conversion: Conversion): Promise<Response> {
  const result: IngestResult = conversion.event
    ? await ingestEvent({ ctx, input: { event: conversion.event, raw: conversion.raw } })
    : await recordIgnoredEvent(ctx, conversion.dedupKey ?? "", conversion.raw);
  return NextResponse.json({ data: result }, { status: 202, headers: { "X-Request-Id": ctx.meta.requestId } });
}

/**
 * Runs an ingestion endpoint's handler: Baton's refusals in the v1 error shape, Baton's own
 * failures as 503 with Retry-After so monitoring tools (and webhook senders) retry.
 */
export function ingestionHandler(source: AlertSource, handle: (req: Request, meta: RequestMeta) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const meta = requestMetaFromHeaders(req.headers);
    try {
      return await handle(req, meta);
    } catch (e) {
      if (e instanceof BatonError) return errorResponse(e, meta.requestId);
      console.error(`[ingest ${source}] failed (request ${meta.requestId})`, e);
      return NextResponse.json({ error: { code: "unavailable", message: `Baton could not process the alert right now; retry (request ${meta.requestId}).` } }, { status: 503, headers: { "Retry-After": "5", "X-Request-Id": meta.requestId } });
    }
  };
}

/**
 * A REST v1 ingestion endpoint: the integration key is the bearer token (no cookies, no API
 * token), the body is bounded and parsed by `convert`, the key's rate limit applies, and the
 * answer is 202 `{ data: { dedupKey, outcome, … } }` or the v1 error shape. Baton's own
 * failures are 503 so monitoring tools retry.
 */
export function integrationRoute(source: AlertSource, opts: { maxBytes?: number }, convert: (body: Buffer, target: IngestTarget, req: Request) => Promise<Conversion>) {
  return ingestionHandler(source, async (req, meta) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
    const db = await getDb();
    const now = new Date();
    const authorized = m ? await authorizeIngestKey(db, m[1]!, now) : null;
    if (!authorized) {
      await recordAudit(db, { meta, now }, { action: "ingest.unauthorized", details: { source, hadKey: !!m } });
      throw new UnauthorizedError("Send the service's integration key: Authorization: Bearer <routing key>.");
    }
    const { target, limit } = authorized;
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
    const body = await readBodyBytesCapped(req, opts.maxBytes ?? MAX_JSON_BODY_BYTES);
    const conversion = await convert(body, target, req);
    return ingestConverted({ db, meta, now, target, source }, conversion);
  });
}

/** A JSON body parsed with `schema`; a bad one is 400 naming each field. */
export function parseJsonBody<S extends z.ZodType>(schema: S, body: Buffer): { data: z.output<S>; raw: unknown } {
  let raw: unknown;
  try {
    raw = body.length === 0 ? undefined : JSON.parse(body.toString("utf8"));
  } catch {
    throw InvalidError.field("body", "Body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw InvalidError.fromZod(parsed.error);
  // The whole body is stored raw: no deeper than its details may be, plus the envelope.
  if (nestedDeeperThan(raw, MAX_PAYLOAD_DEPTH)) throw InvalidError.field("body", `Must not be nested more than ${MAX_PAYLOAD_DEPTH} levels deep`);
  return { data: parsed.data, raw };
}
