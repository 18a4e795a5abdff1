import type { Queryable } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Viewer } from "@/lib/access/viewer";

/** Where a request came from: written on every audit row. */
export type RequestMeta = { ip: string | null; requestId: string };
export type AuditContext = { viewer?: Pick<Viewer, "userId" | "email"> | null; meta: RequestMeta; now?: Date };

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  clientId?: string | null;
  details?: Record<string, unknown>;
  /** For events without a signed-in viewer (a sign-in attempt, the CLI). */
  actorLabel?: string;
};

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(db: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: ctx.now ?? new Date(),
    actorId: ctx.viewer?.userId ?? null,
    actorLabel: entry.actorLabel ?? ctx.viewer?.email ?? "anonymous",
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    clientId: entry.clientId ?? null,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
    details: entry.details ?? {},
  });
}
