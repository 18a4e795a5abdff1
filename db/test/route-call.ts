import { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import type { Role } from "@/db/schema";
import { createToken } from "@/lib/tokens/create-token";
import { ctxFor, makeUser } from "./factories";

export type RouteHandler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type CallOptions = { method?: string; path: string; token?: string; body?: unknown; rawBody?: string; params?: Record<string, string> };

/** Calls a route handler the way Next does, with a bearer token; returns status, JSON and headers. */
export async function callRoute(handler: RouteHandler, opts: CallOptions) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const req = new NextRequest(`http://localhost:3000${opts.path}`, { method: opts.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

/** One person and API token per role. */
export async function tokensByRole(db: Database): Promise<Record<Role, { id: string; token: string }>> {
  const out = {} as Record<Role, { id: string; token: string }>;
  for (const role of ["admin", "manager", "engineer", "stakeholder"] as const) {
    const u = await makeUser(db, { role });
    out[role] = { id: u.id, token: (await createToken({ ctx: await ctxFor(db, u.id), input: { name: `${role} token` } })).token };
  }
  return out;
}

/** The same, as two lookups by role: user ids and bearer tokens (tests add their own ids beside them). */
export async function idsAndTokensByRole(db: Database): Promise<{ ids: Record<string, string>; tokens: Record<string, string> }> {
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const [role, { id, token }] of Object.entries(await tokensByRole(db))) {
    ids[role] = id;
    tokens[role] = token;
  }
  return { ids, tokens };
}
