import { and, asc, eq, ne } from "drizzle-orm";
import { schedules, teams, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";

export type TargetOptions = {
  /** People who can be paged: everyone but stakeholders and disabled accounts. */
  users: { id: string; name: string; email: string }[];
  schedules: { id: string; name: string }[];
  teams: { id: string; name: string }[];
};

/** What the policy editor offers as targets and failover contacts. */
export async function listTargetOptions(ctx: Ctx): Promise<TargetOptions> {
  await requirePermission(ctx, "escalation_policies:read", { type: "escalation_policy" });
  const [u, s, t] = await Promise.all([
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(ne(users.role, "stakeholder"), eq(users.disabled, false)))
      .orderBy(asc(users.name), asc(users.email)),
    ctx.db.select({ id: schedules.id, name: schedules.name }).from(schedules).orderBy(asc(schedules.name)),
    ctx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
  ]);
  return { users: u.map((p) => ({ ...p, name: p.name || p.email })), schedules: s, teams: t };
}
