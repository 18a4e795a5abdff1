import { and, asc, eq, gte, inArray, isNull, max, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { layerAssignments, layerParticipants, layerVersions, scheduleLayers, schedules, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { flagMovedRequests, readRotation, versionOf } from "./layer-versions";
import { layerIndexAt } from "./load-engine-schedule";
import { getSchedule } from "./read-schedules";
import { layerInput, NOW_GRACE_MS, PLAN_AHEAD_MS } from "./schemas";

type LayerDefinition = Pick<typeof scheduleLayers.$inferSelect, "shiftUnit" | "shiftCount" | "handoffTime" | "handoffWeekday" | "startDate" | "restrictions" | "position"> & { participants: string[] };

/** Whether two definitions put the same people on call at the same times, with the same precedence (names aside). */
function sameRotation(a: LayerDefinition, b: LayerDefinition): boolean {
  return (
    a.shiftUnit === b.shiftUnit &&
    a.shiftCount === b.shiftCount &&
    a.handoffTime === b.handoffTime &&
    (a.handoffWeekday ?? null) === (b.handoffWeekday ?? null) &&
    a.startDate === b.startDate &&
    a.position === b.position &&
    JSON.stringify(a.participants) === JSON.stringify(b.participants) &&
    JSON.stringify(a.restrictions.map(restrictionKey)) === JSON.stringify(b.restrictions.map(restrictionKey))
  );
}

const restrictionKey = (r: { weekdays: number[]; start: string; end: string }) => [r.weekdays, r.start, r.end];

/**
 * Before an edit changes who is on call when, the rotation as it was is kept as a version valid
 * until the edit takes effect (`effective`: now, or later when the edit is planned ahead), with
 * its published decisions up to then: the past stays with the people who held it (calendar, My
 * shifts, iCal, fairness and carried burden), and the edit holds from then on.
 *
 * Versions form a timeline; an edit cuts it at `effective`. A definition that was itself still
 * waiting to take effect at or after that moment never holds and is simply replaced: versions
 * that would start at or after `effective` go, and the one holding then ends then.
 */
async function keepVersions(tx: Tx, before: typeof scheduleLayers.$inferSelect, after: LayerDefinition, timeZone: string, effective: Date, now: Date) {
  const versions = await tx.select().from(layerVersions).where(eq(layerVersions.layerId, before.id)).orderBy(asc(layerVersions.validUntil));
  const { participants, decided } = await readRotation(tx, before.id);
  const changed = !sameRotation({ ...before, participants }, after);
  const currentFrom = versions.at(-1)?.validUntil.getTime() ?? -Infinity;
  if (currentFrom >= effective.getTime()) {
    let previousUntil = -Infinity;
    for (const v of versions) {
      if (previousUntil >= effective.getTime()) await tx.delete(layerVersions).where(eq(layerVersions.id, v.id));
      else if (v.validUntil > effective) await tx.update(layerVersions).set({ validUntil: effective }).where(eq(layerVersions.id, v.id));
      previousUntil = v.validUntil.getTime();
    }
    if (changed) await clearPlanFrom(tx, before, after, timeZone, effective);
    return;
  }
  if (!changed) return;
  const reached = layerIndexAt(before, timeZone, effective);
  // It had not started: there is no past to keep, unless earlier versions end where it began.
  if (reached >= 0 || versions.length > 0) {
    await tx.insert(layerVersions).values(versionOf(before, { participants, decided, reached, validUntil: effective, now }));
  }
  if (decided.length > 0) await clearPlanFrom(tx, before, after, timeZone, effective);
}

/**
 * A published fair plan was decided for the rotation as it was. On the same grid of shifts its
 * decisions from the moment the edit takes effect stay, except those of people no longer in the
 * rotation (their shifts go back to the listed order until the manager fills again); on a new
 * grid the old instance numbers mean nothing, so the plan goes (its past is in the version).
 */
async function clearPlanFrom(tx: Tx, before: typeof scheduleLayers.$inferSelect, after: LayerDefinition, timeZone: string, effective: Date) {
  const sameGrid =
    before.shiftUnit === after.shiftUnit &&
    before.shiftCount === after.shiftCount &&
    before.handoffTime === after.handoffTime &&
    (before.handoffWeekday ?? null) === (after.handoffWeekday ?? null) &&
    before.startDate === after.startDate;
  if (!sameGrid) {
    await tx.delete(layerAssignments).where(eq(layerAssignments.layerId, before.id));
    return;
  }
  const from = Math.max(0, layerIndexAt(before, timeZone, effective));
  await tx.delete(layerAssignments).where(and(eq(layerAssignments.layerId, before.id), gte(layerAssignments.shiftIndex, from), notInArray(layerAssignments.userId, after.participants)));
}

/** Creates or edits a rotation layer with its ordered participants. */
export async function saveLayer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(layerInput, input);
  // From now (a minute's grace: a form that asked for "now" reaches the server a moment later) to a year ahead, as overrides.
  if (data.effectiveFrom && data.effectiveFrom.getTime() < ctx.now.getTime() - NOW_GRACE_MS) throw InvalidError.field("effectiveFrom", "A change can't take effect in the past");
  if (data.effectiveFrom && data.effectiveFrom.getTime() > ctx.now.getTime() + PLAN_AHEAD_MS) throw InvalidError.field("effectiveFrom", "At most a year ahead");
  const effective = data.effectiveFrom && data.effectiveFrom > ctx.now ? data.effectiveFrom : ctx.now;
  await ctx.db.transaction(async (tx) => {
    const [schedule] = await tx.select().from(schedules).where(eq(schedules.id, data.scheduleId)).for("update");
    if (!schedule) throw new NotFoundError("Schedule");
    const people = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, data.participantIds));
    for (const [i, id] of data.participantIds.entries()) {
      const p = people.find((x) => x.id === id);
      if (!p) throw InvalidError.field(`participantIds.${i}`, "Unknown person");
      if (p.role === "stakeholder") throw InvalidError.field(`participantIds.${i}`, "Stakeholders cannot be on call");
    }
    // Precedence is by place: two layers in use may not share one (which would win is arbitrary).
    if (data.position !== undefined) {
      const [taken] = await tx
        .select({ id: scheduleLayers.id, name: scheduleLayers.name })
        .from(scheduleLayers)
        .where(and(eq(scheduleLayers.scheduleId, schedule.id), eq(scheduleLayers.position, data.position), isNull(scheduleLayers.retiredAt)));
      if (taken && taken.id !== data.layerId) throw InvalidError.field("position", `The layer “${taken.name}” is at position ${data.position}; pick another place`);
    }
    const fields = {
      name: data.name,
      shiftUnit: data.shiftUnit,
      shiftCount: data.shiftCount,
      handoffTime: data.handoffTime,
      handoffWeekday: data.shiftUnit === "weeks" ? (data.handoffWeekday ?? null) : null,
      startDate: data.startDate,
      restrictions: data.restrictions,
      updatedAt: ctx.now,
    };
    let layer: typeof scheduleLayers.$inferSelect;
    if (data.layerId) {
      const [before] = await tx.select().from(scheduleLayers).where(and(eq(scheduleLayers.id, data.layerId), eq(scheduleLayers.scheduleId, schedule.id), isNull(scheduleLayers.retiredAt)));
      if (!before) throw new NotFoundError("Layer");
      await keepVersions(tx, before, { ...fields, position: data.position ?? before.position, participants: data.participantIds }, schedule.timeZone, effective, ctx.now);
      [layer] = (await tx
        .update(scheduleLayers)
        .set({ ...fields, ...(data.position !== undefined && { position: data.position }), version: before.version + 1 })
        .where(eq(scheduleLayers.id, before.id))
        .returning()) as [typeof scheduleLayers.$inferSelect];
      await tx.delete(layerParticipants).where(eq(layerParticipants.layerId, layer.id));
    } else {
      const [top] = await tx.select({ p: max(scheduleLayers.position) }).from(scheduleLayers).where(eq(scheduleLayers.scheduleId, schedule.id));
      [layer] = (await tx
        .insert(scheduleLayers)
        .values({ ...fields, scheduleId: schedule.id, position: data.position ?? (top?.p ?? -1) + 1, createdAt: ctx.now })
        .returning()) as [typeof scheduleLayers.$inferSelect];
      // A start date in the past sets the rotation's phase, not history: before now the layer had
      // nobody (an empty version), so the past stays as it was worked.
      if (layerIndexAt(layer, schedule.timeZone, ctx.now) >= 0) {
        await tx.insert(layerVersions).values(versionOf(layer, { participants: [], decided: [], reached: -1, validUntil: ctx.now, now: ctx.now }));
      }
    }
    await tx.insert(layerParticipants).values(data.participantIds.map((userId, position) => ({ layerId: layer.id, position, userId })));
    if (data.layerId) await flagMovedRequests(tx, schedule.id, { layerId: layer.id, from: effective, now: ctx.now });
    await recordAudit(tx, ctx, {
      action: data.layerId ? "schedule.layer.update" : "schedule.layer.create",
      targetType: "schedule",
      targetId: schedule.id,
      details: {
        layerId: layer.id,
        name: data.name,
        participantIds: data.participantIds,
        shift: `${data.shiftCount} ${data.shiftUnit}`,
        handoffTime: data.handoffTime,
        ...(data.layerId && { effectiveFrom: effective.toISOString() }),
      },
    });
  });
  return getSchedule(ctx, data.scheduleId);
}
