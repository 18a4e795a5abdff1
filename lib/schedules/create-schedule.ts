import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clients, schedules, teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, isUniqueViolation, type FieldIssue } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSchedule } from "./read-schedules";
import { createScheduleInput } from "./schemas";

/**
 * The team and client a schedule is to be linked to exist: a 400 naming each missing one, instead
 * of the insert's foreign-key violation. Run inside the write's transaction: the rows found are
 * locked (FOR KEY SHARE, as the foreign key itself would) so they can't be deleted before it commits.
 * Null or undefined (no link, or left unchanged) is not checked.
 */
export async function assertScheduleLinksExist(tx: Tx, links: { teamId?: string | null; clientId?: string | null }): Promise<void> {
  const issues: FieldIssue[] = [];
  if (links.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, links.teamId)).for("key share");
    if (!team) issues.push({ path: "teamId", message: "No such team" });
  }
  if (links.clientId) {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, links.clientId)).for("key share");
    if (!client) issues.push({ path: "clientId", message: "No such client" });
  }
  const [first] = issues;
  if (first) throw new InvalidError(`${first.path}: ${first.message}`, issues);
}

export async function createSchedule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(createScheduleInput, input);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      await assertScheduleLinksExist(tx, data);
      const [row] = await tx
        .insert(schedules)
        .values({ name: data.name, description: data.description, timeZone: data.timeZone, teamId: data.teamId ?? null, clientId: data.clientId ?? null, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: schedules.id });
      await recordAudit(tx, ctx, { action: "schedule.create", targetType: "schedule", targetId: row!.id, details: { name: data.name, timeZone: data.timeZone } });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A schedule named "${data.name}" already exists.`);
    throw e;
  }
  return getSchedule(ctx, id);
}
