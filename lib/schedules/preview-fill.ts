import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { assigneeOf } from "@/lib/core/schedule";
import { planFill, scoreAssignment } from "./fill-plan";
import { generationInput } from "./schemas";

/**
 * The generator's proposal for the next N weeks of a layer, as a diff against the plain
 * rotation, with each person's shifts and normalised burden before and after. Each shift also
 * names who holds it as scheduled now (a plan published earlier may differ from the rotation),
 * so publishing never changes a holder the preview didn't show.
 */
export async function previewFill({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(generationInput, input);
  const plan = await planFill(ctx.db, { ...data, now: ctx.now });
  const before = scoreAssignment(plan, plan.plain);
  const after = scoreAssignment(plan, plan.proposed);
  const name = (id: string) => plan.loaded.people.get(id)?.name ?? "Unknown";
  return {
    scheduleId: data.scheduleId,
    layerId: data.layerId,
    layerVersion: plan.layerVersion,
    weeks: data.weeks,
    slots: plan.slots.map((s, i) => {
      const holder = assigneeOf(plan.layer, s.index);
      return {
        index: s.index,
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        plain: { userId: plan.plain[i]!, name: name(plan.plain[i]!) },
        scheduled: { userId: holder, name: name(holder) },
        proposed: { userId: plan.proposed[i]!, name: name(plan.proposed[i]!) },
        changed: plan.plain[i] !== plan.proposed[i],
        /** Publishing gives the shift to someone other than who holds it now. */
        moves: holder !== plan.proposed[i],
        locked: plan.lockedIndexes.includes(s.index),
      };
    }),
    people: before.members.map((b) => {
      const a = after.members.find((m) => m.id === b.id)!;
      return { userId: b.id, name: name(b.id), shiftsBefore: b.shifts, shiftsAfter: a.shifts, burdenBefore: b.normalisedBurden, burdenAfter: a.normalisedBurden, carriedBurden: b.carriedBurden };
    }),
    before: { gap: before.gap, balance: before.balance, breaks: before.breaks },
    after: { gap: after.gap, balance: after.balance, breaks: after.breaks },
  };
}
export type FillPreview = Awaited<ReturnType<typeof previewFill>>;
