import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { layerVersions, scheduleLayers, schedules } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { flagMovedRequests, readRotation, versionOf } from "./layer-versions";
import { layerIndexAt } from "./load-engine-schedule";
import { assertScheduleLinksExist } from "./create-schedule";
import { getSchedule } from "./read-schedules";
import { updateScheduleInput } from "./schemas";

/**
 * Before the schedule's zone changes, every layer's rotation as it stands is kept as a version in
 * the old zone until now (and versions already ended say which zone they were in): handoffs move
 * to the same wall-clock time in the new zone from now on, while the shifts already worked stay
 * where they were — calendar, My shifts, iCal, the fairness report and carried burden.
 */
async function keepPastZone(tx: Tx, scheduleId: string, oldZone: string, now: Date) {
  const layers = await tx.select().from(scheduleLayers).where(eq(scheduleLayers.scheduleId, scheduleId));
  for (const layer of layers) {
    const versions = await tx.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id)).orderBy(asc(layerVersions.validUntil));
    // Versions that ended were computed in the old zone.
    await tx
      .update(layerVersions)
      .set({ timeZone: oldZone })
      .where(and(eq(layerVersions.layerId, layer.id), lte(layerVersions.validUntil, now), isNull(layerVersions.timeZone)));
    const holding = versions.find((v) => v.validUntil > now);
    if (holding) {
      // A version holding now (a planned edit waits): its part until now stays in the old zone.
      if (!holding.timeZone) {
        const { id: _id, createdAt: _createdAt, ...rest } = holding;
        await tx.insert(layerVersions).values({ ...rest, validUntil: now, timeZone: oldZone, createdAt: now });
      }
      continue;
    }
    // The rotation as it stands holds now (or held until the layer was deleted).
    const until = layer.retiredAt && layer.retiredAt < now ? layer.retiredAt : now;
    const reached = layerIndexAt(layer, oldZone, until);
    if (reached < 0 && versions.length === 0) continue; // it had not started: nothing to keep
    const { participants, decided } = await readRotation(tx, layer.id);
    await tx.insert(layerVersions).values(versionOf(layer, { participants, decided, reached, validUntil: until, now, timeZone: oldZone }));
  }
}

export async function updateSchedule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(updateScheduleInput, input);
  const { scheduleId, ...fields } = data;
  // Only the fields sent: one left out stays as it is (the schema has no defaults for an edit).
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<typeof fields>;
  try {
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select({ timeZone: schedules.timeZone }).from(schedules).where(eq(schedules.id, scheduleId)).for("update");
      if (!before) throw new NotFoundError("Schedule");
      await assertScheduleLinksExist(tx, patch);
      // Nothing sent, nothing changed: no write, no audit entry.
      if (Object.keys(patch).length === 0) return;
      const movesZone = data.timeZone !== undefined && data.timeZone !== before.timeZone;
      if (movesZone) await keepPastZone(tx, scheduleId, before.timeZone, ctx.now);
      await tx.update(schedules).set({ ...patch, updatedAt: ctx.now }).where(eq(schedules.id, scheduleId));
      if (movesZone) await flagMovedRequests(tx, scheduleId, { from: ctx.now, now: ctx.now });
      await recordAudit(tx, ctx, { action: "schedule.update", targetType: "schedule", targetId: scheduleId, details: { changed: Object.keys(patch), ...(movesZone && { timeZone: { from: before.timeZone, to: data.timeZone } }) } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A schedule named "${data.name}" already exists.`);
    throw e;
  }
  return getSchedule(ctx, scheduleId);
}
