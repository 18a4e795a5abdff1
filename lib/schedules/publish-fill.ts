import { and, eq, inArray, isNull } from "drizzle-orm";
import { layerAssignments, scheduleLayers } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { assigneeOf, isInactiveAt } from "@/lib/core/schedule";
import { ConflictError, InvalidError } from "@/lib/errors";
import { emailNotices, writeNotices } from "@/lib/swaps/notify-swap";
import { formatDateTime } from "@/lib/format/date-time";
import { parseInput } from "@/lib/validation";
import { planFill } from "./fill-plan";
import { flagMovedRequests } from "./layer-versions";
import { publishGenerationInput } from "./schemas";

/**
 * Publishes a previewed plan: the chosen holder of each instance becomes a published
 * assignment of the layer. Refuses if the layer changed since the preview; tells everyone
 * whose shifts changed.
 */
export async function publishFill({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(publishGenerationInput, input);
  const { told } = await ctx.db.transaction(async (tx) => {
    const [layerRow] = await tx.select().from(scheduleLayers).where(and(eq(scheduleLayers.id, data.layerId), eq(scheduleLayers.scheduleId, data.scheduleId), isNull(scheduleLayers.retiredAt))).for("update");
    if (!layerRow) throw InvalidError.field("layerId", "Unknown layer");
    if (layerRow.version !== data.layerVersion) throw new ConflictError("The rotation changed since this preview: preview again.");
    const plan = await planFill(tx, { scheduleId: data.scheduleId, layerId: data.layerId, weeks: data.weeks, now: ctx.now });
    const allowed = new Set(plan.indexes);
    const participants = new Set(plan.layer.participants);
    for (const [i, a] of data.assignments.entries()) {
      if (!allowed.has(a.index)) throw InvalidError.field(`assignments.${i}.index`, "Not a shift of this plan");
      if (!participants.has(a.userId)) throw InvalidError.field(`assignments.${i}.userId`, "Not in this rotation");
      if (isInactiveAt(plan.loaded.engine, a.userId, ctx.now.getTime())) throw InvalidError.field(`assignments.${i}.userId`, "That account is disabled: they can't be paged");
      if (plan.lockedIndexes.includes(a.index) && assigneeOf(plan.layer, a.index) !== a.userId) throw InvalidError.field(`assignments.${i}.userId`, "An approved swap or cover rests on this shift: its holder cannot change");
    }
    const changed = data.assignments.filter((a) => assigneeOf(plan.layer, a.index) !== a.userId);
    await tx.delete(layerAssignments).where(and(eq(layerAssignments.layerId, data.layerId), inArray(layerAssignments.shiftIndex, data.assignments.map((a) => a.index))));
    await tx.insert(layerAssignments).values(data.assignments.map((a) => ({ layerId: data.layerId, shiftIndex: a.index, userId: a.userId, publishedBy: ctx.viewer.userId, publishedAt: ctx.now })));
    // Open requests on a shift the plan gives someone else are flagged, as a rotation edit does.
    await flagMovedRequests(tx, data.scheduleId, { layerId: data.layerId, from: ctx.now, now: ctx.now });
    const { name, timeZone } = plan.loaded.row;
    const slotOf = new Map(plan.slots.map((slot) => [slot.index, slot]));
    const range = (index: number) => {
      const slot = slotOf.get(index)!;
      return `${formatDateTime(slot.start, timeZone)} – ${formatDateTime(slot.end, timeZone)}`;
    };
    // Each person is told which shifts are now theirs and which are not any more.
    const notices = new Map<string, { gained: string[]; lost: string[] }>();
    const entry = (userId: string) => notices.get(userId) ?? notices.set(userId, { gained: [], lost: [] }).get(userId)!;
    for (const a of changed) {
      entry(a.userId).gained.push(range(a.index));
      entry(assigneeOf(plan.layer, a.index)).lost.push(range(a.index));
    }
    const told = [...notices].map(([userId, { gained, lost }]) => {
      const parts = [
        `${ctx.viewer.name} published the next ${data.weeks} weeks of ${layerRow.name} on ${name} (times in ${timeZone}).`,
        gained.length ? `Now yours: ${gained.join("; ")}.` : "",
        lost.length ? `No longer yours: ${lost.join("; ")}.` : "",
      ];
      return { userId, notice: { kind: "schedule.published", title: `Your on-call shifts on ${name} changed`, body: parts.filter(Boolean).join(" "), link: "/schedules/mine" } };
    });
    for (const { userId, notice } of told) await writeNotices(tx, [userId], notice, ctx.now);
    await recordAudit(tx, ctx, { action: "schedule.generate.publish", targetType: "schedule", targetId: data.scheduleId, details: { layerId: data.layerId, weeks: data.weeks, changed: changed.length } });
    return { told };
  });
  for (const { userId, notice } of told) await emailNotices(ctx.db, [userId], notice, origin);
  return { published: data.assignments.length, changedPeople: told.length };
}
