import { and, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/access/viewer";

/** Auth.js v5's database-session cookie, plain on http and `__Secure-` on https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The value of one cookie in a Cookie header (the last one wins, as browsers send the most specific first). */
function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * The viewer of the browser session a request carries (the same database session Auth.js
 * issues), or null: no cookie, an unknown or expired session, a disabled person. Read from the
 * request itself, so route handlers (and their tests) need no request-scoped `headers()`.
 */
export async function authenticateSession(db: Database, cookieHeader: string | null, now: Date): Promise<Viewer | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookieHeader, name);
    if (!token || token.length > 200) continue;
    const [row] = await db.select({ userId: sessions.userId }).from(sessions).where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)));
    if (row) return loadViewer(db, row.userId, "session");
  }
  return null;
}

/**
 * A state-changing request made with a session cookie must come from Baton's own pages: the
 * browser's Sec-Fetch-Site (or, failing that, Origin) says so. Cookies are SameSite=Lax too;
 * this is the second lock against cross-site requests.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: URL): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return true; // Non-browser clients: no ambient cookie to abuse.
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? requestUrl.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
