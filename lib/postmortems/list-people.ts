import { asc, inArray, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requirePostmortemWritable, reviewerCandidateIds } from "./access";

export type PersonOption = { id: string; name: string; stakeholder: boolean };

/** For the form's pickers: who may review (participants, the team, the client's stakeholders) and the organisation's people (owners, attendees). */
export async function listPostmortemPeople(ctx: Ctx, postmortemId: string): Promise<{ reviewers: PersonOption[]; staff: PersonOption[] }> {
  const v = await requirePostmortemWritable(ctx, postmortemId);
  const ids = [...(await reviewerCandidateIds(ctx, v))];
  const rows = ids.length ? await ctx.db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name)) : [];
  const staff = await ctx.db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(ne(users.role, "stakeholder")).orderBy(asc(users.name)).limit(500);
  const opt = (u: { id: string; name: string; email: string; role: string }) => ({ id: u.id, name: u.name || u.email, stakeholder: u.role === "stakeholder" });
  return { reviewers: rows.map(opt), staff: staff.map(opt) };
}
