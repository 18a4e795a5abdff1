import { and, asc, gt, inArray, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientHolidays, layerAssignments, layerParticipants, layerVersions, scheduleLayers, scheduleOverrides, schedules, teamHolidays, timeOff, users } from "@/db/schema";
import { rotationIndexAt, type RestrictionWindow, type RotationLayer, type Schedule, type ScheduleOverride, type TimeOffInterval } from "@/lib/core/schedule";
import { localDatesInterval, type IsoWeekday } from "@/lib/core/time";
import { groupBy } from "@/lib/core/group-by";
import { NotFoundError } from "@/lib/errors";
import type { Holiday } from "@/lib/http/common-schemas";

export type ScheduleRow = typeof schedules.$inferSelect;
export type LayerRow = typeof scheduleLayers.$inferSelect & { participants: string[] };
export type Person = { id: string; name: string; timeZone: string };

export type LoadedSchedule = {
  row: ScheduleRow;
  /** The layers in use. */
  layers: LayerRow[];
  /** Layers deleted during the range after they had started: their past is still in `engine`. */
  retiredLayers: LayerRow[];
  /** What the pure engine needs for the range it was loaded for. */
  engine: Schedule;
  people: Map<string, Person>;
  /** Dates (YYYY-MM-DD, sorted, each once) on the client's or the team's holiday calendar. */
  holidays: string[];
  /** The same with their names (both calendars' names where both list a date). */
  namedHolidays: Holiday[];
};

/** One row per date, sorted; where the client's and the team's calendars both list a date, both names. */
export function mergeHolidays(rows: readonly Holiday[]): Holiday[] {
  const names = new Map<string, string[]>();
  for (const { date, name } of rows) {
    const list = names.get(date) ?? [];
    if (name && !list.includes(name)) list.push(name);
    names.set(date, list);
  }
  return [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, list]) => ({ date, name: list.join(" · ") }));
}

type VersionRow = typeof layerVersions.$inferSelect;

/**
 * A layer as the engine sees it: its past versions (each up to the edit that ended it) and then
 * its current rotation from the last edit on. The current one comes first, so looking a layer up
 * by id finds it; all share the layer's id, each keeps the place it had, and they never overlap in time.
 */
function toEngineLayers(layer: LayerRow, versions: readonly VersionRow[], assignments?: Map<number, string>): RotationLayer[] {
  const sorted = [...versions].sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime());
  const past = sorted.map((v, i): RotationLayer => {
    const from = i > 0 ? sorted[i - 1]!.validUntil.getTime() : undefined;
    const old = toEngineLayer({ ...layer, ...v, id: layer.id, participants: v.participants, position: v.position ?? layer.position }, new Map(v.assignments));
    return { ...old, ...(from !== undefined ? { activeFrom: from } : {}), activeUntil: v.validUntil.getTime(), ...(v.timeZone ? { timeZone: v.timeZone } : {}) };
  });
  const current = toEngineLayer(layer, assignments);
  const last = sorted[sorted.length - 1];
  const all = [last ? { ...current, activeFrom: last.validUntil.getTime() } : current, ...past];
  // A retired layer has nobody from its retirement on.
  const retired = layer.retiredAt?.getTime();
  return retired === undefined ? all : all.map((l) => ({ ...l, activeUntil: Math.min(l.activeUntil ?? Infinity, retired) }));
}

/** The rotation instance a stored layer has reached at `at` (-1 before it starts); who takes part does not matter. */
export function layerIndexAt(layer: typeof scheduleLayers.$inferSelect, timeZone: string, at: Date): number {
  return rotationIndexAt(toEngineLayer({ ...layer, participants: [] }), timeZone, at.getTime());
}

/** Where a person on a loaded schedule lives (the schedule's zone for someone unknown). */
export function personZone(loaded: Pick<LoadedSchedule, "people" | "row">): (userId: string) => string {
  return (userId) => loaded.people.get(userId)?.timeZone ?? loaded.row.timeZone;
}

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
  const loaded = (await loadEngineSchedules(db, [scheduleId], from, to)).get(scheduleId);
  if (!loaded) throw new NotFoundError("Schedule");
  return loaded;
}

/**
 * `loadEngineSchedule` for several schedules over the same range, in the same ten statements
 * whatever their number (one per kind of row, split here). Schedules that don't exist are
 * missing from the map.
 */
export async function loadEngineSchedules(db: Queryable, scheduleIds: readonly string[], from: Date, to: Date): Promise<Map<string, LoadedSchedule>> {
  const out = new Map<string, LoadedSchedule>();
  if (scheduleIds.length === 0) return out;
  const rows = await db.select().from(schedules).where(inArray(schedules.id, [...scheduleIds]));
  if (rows.length === 0) return out;
  // Layers in use, and those retired after the range starts (their past decides who held it).
  const layerRows = await db
    .select()
    .from(scheduleLayers)
    .where(and(inArray(scheduleLayers.scheduleId, rows.map((r) => r.id)), or(isNull(scheduleLayers.retiredAt), gt(scheduleLayers.retiredAt, from))))
    .orderBy(asc(scheduleLayers.position), asc(scheduleLayers.createdAt));
  const layerIds = layerRows.map((l) => l.id);
  // One query at a time: `db` may be a transaction, whose single connection can't run two at once.
  const participants = layerIds.length ? await db.select().from(layerParticipants).where(inArray(layerParticipants.layerId, layerIds)).orderBy(asc(layerParticipants.position)) : [];
  const assignments = layerIds.length ? await db.select().from(layerAssignments).where(inArray(layerAssignments.layerId, layerIds)) : [];
  // Versions that ended before the range don't decide anything in it.
  const versions = layerIds.length ? await db.select().from(layerVersions).where(and(inArray(layerVersions.layerId, layerIds), gt(layerVersions.validUntil, from))) : [];
  const overrides = await db
    .select()
    .from(scheduleOverrides)
    .where(and(inArray(scheduleOverrides.scheduleId, rows.map((r) => r.id)), lt(scheduleOverrides.startsAt, to), gt(scheduleOverrides.endsAt, from)))
    .orderBy(asc(scheduleOverrides.createdAt));
  const layersOf = groupBy(
    layerRows.map((l): LayerRow => ({ ...l, participants: participants.filter((p) => p.layerId === l.id).map((p) => p.userId) })),
    (l) => l.scheduleId,
  );
  const assignmentsOf = groupBy(assignments, (a) => a.layerId);
  const versionsOf = groupBy(versions, (v) => v.layerId);
  const overridesOf = groupBy(overrides, (o) => o.scheduleId);
  const personIdsOf = new Map(
    rows.map((row) => {
      const layers = layersOf.get(row.id) ?? [];
      const ids = [
        ...layers.flatMap((l) => l.participants),
        ...(overridesOf.get(row.id) ?? []).map((o) => o.userId),
        ...layers.flatMap((l) => (assignmentsOf.get(l.id) ?? []).map((a) => a.userId)),
        ...layers.flatMap((l) => (versionsOf.get(l.id) ?? []).flatMap((v) => [...v.participants, ...v.assignments.map(([, userId]) => userId)])),
      ];
      return [row.id, new Set(ids)];
    }),
  );
  const personIds = [...new Set([...personIdsOf.values()].flatMap((ids) => [...ids]))];
  const peopleRows = personIds.length ? await db.select({ id: users.id, name: users.name, timeZone: users.timeZone, disabledPeriods: users.disabledPeriods }).from(users).where(inArray(users.id, personIds)) : [];
  const fromDate = new Date(from.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const toDate = new Date(to.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const offRows = personIds.length
    ? await db
        .select()
        .from(timeOff)
        .where(and(inArray(timeOff.userId, personIds), lt(timeOff.fromDate, toDate), gt(timeOff.toDate, fromDate)))
    : [];
  const clientIds = [...new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : [])))];
  const clientHolidayRows = clientIds.length ? await db.select({ clientId: clientHolidays.clientId, date: clientHolidays.date, name: clientHolidays.name }).from(clientHolidays).where(inArray(clientHolidays.clientId, clientIds)) : [];
  const teamIds = [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const teamHolidayRows = teamIds.length ? await db.select({ teamId: teamHolidays.teamId, date: teamHolidays.date, name: teamHolidays.name }).from(teamHolidays).where(inArray(teamHolidays.teamId, teamIds)) : [];
  const clientHolidaysOf = groupBy(clientHolidayRows, (h) => h.clientId);
  const teamHolidaysOf = groupBy(teamHolidayRows, (h) => h.teamId);

  for (const row of rows) {
    const layers = layersOf.get(row.id) ?? [];
    const ids = personIdsOf.get(row.id)!;
    const people = new Map(peopleRows.filter((p) => ids.has(p.id)).map((p) => [p.id, { id: p.id, name: p.name, timeZone: p.timeZone }]));
    // Disabled accounts can't be paged: while they were disabled, their shifts are not theirs.
    const inactive = new Map(
      peopleRows
        .filter((p) => ids.has(p.id) && p.disabledPeriods.length > 0)
        .map((p) => [p.id, p.disabledPeriods.map((d) => ({ start: Date.parse(d.from), end: d.to === null ? Infinity : Date.parse(d.to) }))]),
    );
    const timeOffIntervals: TimeOffInterval[] = offRows
      .filter((t) => ids.has(t.userId))
      .map((t) => {
        const zone = people.get(t.userId)?.timeZone ?? row.timeZone;
        const { start, end } = localDatesInterval(t.fromDate, t.toDate, zone);
        return { userId: t.userId, start, end };
      });
    const engineOverrides: ScheduleOverride[] = (overridesOf.get(row.id) ?? []).map((o) => ({
      id: o.id,
      userId: o.userId,
      start: o.startsAt.getTime(),
      end: o.endsAt.getTime(),
      origin: o.origin,
      ...(o.replacesUserId ? { replacesUserId: o.replacesUserId } : {}),
    }));
    const namedHolidays = mergeHolidays([...(row.clientId ? (clientHolidaysOf.get(row.clientId) ?? []) : []), ...(row.teamId ? (teamHolidaysOf.get(row.teamId) ?? []) : [])]);
    const byLayer = new Map<string, Map<number, string>>();
    for (const l of layers) {
      for (const a of assignmentsOf.get(l.id) ?? []) {
        const m = byLayer.get(a.layerId) ?? new Map<number, string>();
        m.set(a.shiftIndex, a.userId);
        byLayer.set(a.layerId, m);
      }
    }
    out.set(row.id, {
      row,
      layers: layers.filter((l) => !l.retiredAt),
      retiredLayers: layers.filter((l) => l.retiredAt),
      engine: { timeZone: row.timeZone, layers: layers.flatMap((l) => toEngineLayers(l, versionsOf.get(l.id) ?? [], byLayer.get(l.id))), overrides: engineOverrides, timeOff: timeOffIntervals, ...(inactive.size > 0 ? { inactive } : {}) },
      people,
      holidays: namedHolidays.map((h) => h.date),
      namedHolidays,
    });
  }
  return out;
}
