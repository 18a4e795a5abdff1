import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Permission } from "@/lib/access/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { BatonError, ForbiddenError, HTTP_STATUS, InvalidError, RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { authenticateSession, isSameOriginRequest } from "@/lib/auth/authenticate-session";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { parseInput } from "@/lib/validation";
import { requestMetaFromHeaders } from "./request-meta";

export const MAX_JSON_BODY_BYTES = 1_048_576;

/** One REST endpoint's contract: the same zod schemas validate requests and generate OpenAPI. */
export type ApiContract = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  tag: string;
  /** Documented only: the use case checks it. */
  permission?: Permission;
  /**
   * Who may call it: API tokens (the default), the signed-in browser (Baton's own pages; same-origin
   * for writes), or either (a bearer token when the request carries one, else the session).
   */
  auth?: "token" | "session" | "either";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: 200 | 201 | 202 | 204;
};

type Parsed<C extends ApiContract> = {
  params: C["params"] extends z.ZodObject ? z.output<C["params"]> : Record<string, never>;
  query: C["query"] extends z.ZodObject ? z.output<C["query"]> : Record<string, never>;
  body: C["body"] extends z.ZodType ? unknown : undefined;
};

export function errorResponse(e: BatonError, requestId?: string): NextResponse {
  const res = NextResponse.json(
    { error: { code: e.code, message: e.message, ...(e.issues?.length ? { issues: e.issues } : {}) } },
    { status: HTTP_STATUS[e.code] },
  );
  if (e instanceof RateLimitedError) res.headers.set("Retry-After", String(e.retryAfterSeconds));
  if (requestId) res.headers.set("X-Request-Id", requestId);
  return res;
}

/** Reads a JSON body with a size bound; bad JSON is a 400 that names the problem. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw InvalidError.field("body", `Body is larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw InvalidError.field("body", `Body is larger than ${maxBytes} bytes`);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw InvalidError.field("body", "Body is not valid JSON");
  }
}

function parsePart<S extends z.ZodObject | undefined>(schema: S, value: unknown, where: string) {
  if (!schema) return {};
  return parseInput(schema, value, [where]);
}

/**
 * A REST v1 handler: authenticates the bearer token, or for `auth: "session"` the browser's
 * session cookie (401 without one), parses params, query
 * and body with the contract's zod schemas (400 naming each field), runs the use case, and
 * maps errors to `{ error: { code, message, issues? } }`. GET never changes state.
 */
export function apiRoute<C extends ApiContract>(contract: C, run: (ctx: Ctx, input: Parsed<C>, req: NextRequest) => Promise<unknown>) {
  return async (req: NextRequest, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const meta = requestMetaFromHeaders(req.headers);
    try {
      const db = await getDb();
      const now = new Date();
      const session = contract.auth === "session" || (contract.auth === "either" && !req.headers.has("authorization"));
      if (session && req.method !== "GET" && !isSameOriginRequest(req.headers, req.nextUrl)) throw new ForbiddenError("Cross-site requests are refused.");
      const viewer = session ? await authenticateSession(db, req.headers.get("cookie"), now) : await authenticateToken(db, req.headers.get("authorization"), now);
      if (!viewer) {
        await recordAudit(db, { meta, now }, { action: "api.unauthorized", details: { method: req.method, path: req.nextUrl.pathname, hadToken: req.headers.has("authorization"), session } });
        throw new UnauthorizedError(session ? "Sign in to Baton first." : "Send a valid API token: Authorization: Bearer <token>.");
      }
      const ctx: Ctx = { db, viewer, meta, now };
      const params = parsePart(contract.params, await route.params, "params");
      const query = parsePart(contract.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = contract.body ? await readJsonBody(req) : undefined;
      // Every REST body is a JSON object: null, an array or a number would spread to nothing (a silent no-op).
      if (contract.body && (body === null || typeof body !== "object" || Array.isArray(body))) throw InvalidError.field("body", "Send a JSON object");
      const result = await run(ctx, { params, query, body } as Parsed<C>, req);
      if (result instanceof Response) return result;
      const status = contract.status ?? 200;
      const res = status === 204 ? new NextResponse(null, { status }) : NextResponse.json(result, { status });
      res.headers.set("X-Request-Id", meta.requestId);
      return res;
    } catch (e) {
      if (e instanceof BatonError) return errorResponse(e, meta.requestId);
      console.error(`[api] ${req.method} ${req.nextUrl.pathname} failed (request ${meta.requestId})`, e);
      return NextResponse.json({ error: { code: "internal", message: `Something went wrong (request ${meta.requestId}).` } }, { status: 500, headers: { "X-Request-Id": meta.requestId } });
    }
  };
}
