import type { NextAuthConfig } from "next-auth";
import type { Database } from "@/db/client";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";

/**
 * Who is asking, for the audit log: the request Auth.js is handling (its route handlers pass it),
 * else the request a server action runs in (`signOut()` from a form), else nothing known.
 */
async function auditMeta(req: Request | undefined): Promise<RequestMeta> {
  if (req) return requestMetaFromHeaders(req.headers);
  try {
    const { headers } = await import("next/headers");
    return requestMetaFromHeaders(await headers());
  } catch {
    return { ip: null, requestId: crypto.randomUUID() };
  }
}

/** Auth.js's sign-in and sign-out events, written to the audit log with the asking request's address and id. */
export function authAuditEvents(db: Database, req: Request | undefined): NonNullable<NextAuthConfig["events"]> {
  return {
    async signIn({ user, account }) {
      await recordAudit(db, { viewer: user.id && user.email ? { userId: user.id, email: user.email } : null, meta: await auditMeta(req) }, { action: "auth.sign_in", targetType: "user", targetId: user.id, details: { provider: account?.provider } });
    },
    async signOut(message) {
      const userId = "session" in message ? (message.session as { userId?: string } | null)?.userId : undefined;
      await recordAudit(db, { meta: await auditMeta(req) }, { action: "auth.sign_out", targetType: "user", targetId: userId, actorLabel: userId ?? "unknown" });
    },
  };
}
