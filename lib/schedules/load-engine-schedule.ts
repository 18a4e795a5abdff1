import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientHolidays, layerAssignments, layerParticipants, scheduleLayers, scheduleOverrides, schedules, timeOff, users } from "@/db/schema";
import type { RestrictionWindow, RotationLayer, Schedule, ScheduleOverride, TimeOffInterval } from "@/lib/core/schedule";
import { localDatesInterval, type IsoWeekday } from "@/lib/core/time";
import { NotFoundError } from "@/lib/errors";

export type ScheduleRow = typeof schedules.$inferSelect;
export type LayerRow = typeof scheduleLayers.$inferSelect & { participants: string[] };
export type Person = { id: string; name: string; timeZone: string };

export type LoadedSchedule = {
  row: ScheduleRow;
  layers: LayerRow[];
  /** What the pure engine needs for the range it was loaded for. */
  engine: Schedule;
  people: Map<string, Person>;
  holidays: string[];
};

export function toEngineLayer(layer: LayerRow, assignments?: Map<number, string>): RotationLayer {
  return {
    id: layer.id,
    participants: layer.participants,
    shift: { unit: layer.shiftUnit, count: layer.shiftCount },
    handoffTime: layer.handoffTime,
    ...(layer.handoffWeekday != null && layer.shiftUnit === "weeks" ? { handoffWeekday: layer.handoffWeekday as IsoWeekday } : {}),
    startDate: layer.startDate,
    ...(layer.restrictions.length ? { restrictions: layer.restrictions as RestrictionWindow[] } : {}),
    priority: layer.position,
    ...(assignments?.size ? { assignments } : {}),
  };
}

/**
 * Reads one schedule with everything that decides who is on call in [from, to): layers in
 * precedence order with their participants and published assignments, overrides overlapping
 * the range (oldest first, so later ones win), and the participants' time off in their zones.
 */
export async function loadEngineSchedule(db: Queryable, scheduleId: string, from: Date, to: Date): Promise<LoadedSchedule> {
  const [row] = await db.select().from(schedules).where(eq(schedules.id, scheduleId));
  if (!row) throw new NotFoundError("Schedule");
  const layerRows = await db.select().from(scheduleLayers).where(eq(scheduleLayers.scheduleId, scheduleId)).orderBy(asc(scheduleLayers.position), asc(scheduleLayers.createdAt));
  const layerIds = layerRows.map((l) => l.id);
  // One query at a time: `db` may be a transaction, whose single connection can't run two at once.
  const participants = layerIds.length ? await db.select().from(layerParticipants).where(inArray(layerParticipants.layerId, layerIds)).orderBy(asc(layerParticipants.position)) : [];
  const assignments = layerIds.length ? await db.select().from(layerAssignments).where(inArray(layerAssignments.layerId, layerIds)) : [];
  const overrides = await db
    .select()
    .from(scheduleOverrides)
    .where(and(eq(scheduleOverrides.scheduleId, scheduleId), lt(scheduleOverrides.startsAt, to), gt(scheduleOverrides.endsAt, from)))
    .orderBy(asc(scheduleOverrides.createdAt));
  const layers: LayerRow[] = layerRows.map((l) => ({ ...l, participants: participants.filter((p) => p.layerId === l.id).map((p) => p.userId) }));
  const personIds = [...new Set([...layers.flatMap((l) => l.participants), ...overrides.map((o) => o.userId), ...assignments.map((a) => a.userId)])];
  const peopleRows = personIds.length ? await db.select({ id: users.id, name: users.name, timeZone: users.timeZone }).from(users).where(inArray(users.id, personIds)) : [];
  const people = new Map(peopleRows.map((p) => [p.id, p]));
  const fromDate = new Date(from.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const toDate = new Date(to.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const offRows = personIds.length
    ? await db
        .select()
        .from(timeOff)
        .where(and(inArray(timeOff.userId, personIds), lt(timeOff.fromDate, toDate), gt(timeOff.toDate, fromDate)))
    : [];
  const holidays = row.clientId ? (await db.select({ date: clientHolidays.date }).from(clientHolidays).where(eq(clientHolidays.clientId, row.clientId))).map((h) => h.date) : [];

  const timeOffIntervals: TimeOffInterval[] = offRows.map((t) => {
    const zone = people.get(t.userId)?.timeZone ?? row.timeZone;
    const { start, end } = localDatesInterval(t.fromDate, t.toDate, zone);
    return { userId: t.userId, start, end };
  });
  const engineOverrides: ScheduleOverride[] = overrides.map((o) => ({
    id: o.id,
    userId: o.userId,
    start: o.startsAt.getTime(),
    end: o.endsAt.getTime(),
    origin: o.origin,
    ...(o.replacesUserId ? { replacesUserId: o.replacesUserId } : {}),
  }));
  const byLayer = new Map<string, Map<number, string>>();
  for (const a of assignments) {
    const m = byLayer.get(a.layerId) ?? new Map<number, string>();
    m.set(a.shiftIndex, a.userId);
    byLayer.set(a.layerId, m);
  }
  return {
    row,
    layers,
    engine: { timeZone: row.timeZone, layers: layers.map((l) => toEngineLayer(l, byLayer.get(l.id))), overrides: engineOverrides, timeOff: timeOffIntervals },
    people,
    holidays,
  };
}
