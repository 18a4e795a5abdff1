import { asc } from "drizzle-orm";
import { escalationPolicies } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { afterCursor, toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { toPolicyOutputs } from "./policy-output";
import type { PolicyOutput } from "./schemas";

/** Escalation policies by name, each with its timeline and the services using it. */
export async function listPolicies(ctx: Ctx, query: PageQuery): Promise<Page<PolicyOutput>> {
  await requirePermission(ctx, "escalation_policies:read", { type: "escalation_policy" });
  const rows = await ctx.db
    .select()
    .from(escalationPolicies)
    .where(afterCursor(query.cursor, escalationPolicies.name, escalationPolicies.id))
    .orderBy(asc(escalationPolicies.name), asc(escalationPolicies.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id], (r) => r);
  return { data: await toPolicyOutputs(ctx.db, ctx.viewer, page.data), nextCursor: page.nextCursor };
}
