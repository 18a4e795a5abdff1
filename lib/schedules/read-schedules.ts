import { asc, eq } from "drizzle-orm";
import { schedules } from "@/db/schema";
import { requirePermission, requireTeamVisible } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { isInactiveAt, mergeHolderPieces, nextHolderChange, onCallAt, rotationIndexAt, rotationShiftByIndex, shiftsBetween } from "@/lib/core/schedule";
import { loadEngineSchedule, loadEngineSchedules, type LoadedSchedule } from "./load-engine-schedule";
import type { ScheduleOutput, ShiftOutput } from "./schemas";
import { toShiftOutput } from "./shift-view";

const DAY = 86_400_000;
/** Coverage gaps are looked for this far ahead (dashboard and schedule page). */
export const GAP_HORIZON_DAYS = 14;

/**
 * While an edit planned ahead waits: when the current definition takes effect, and who takes
 * turns until then (the version holding now). Null once it holds.
 */
function pending(loaded: LoadedSchedule, layerId: string, at: number): { from: string; participants: { userId: string; name: string }[] } | null {
  const versions = loaded.engine.layers.filter((l) => l.id === layerId);
  const from = versions[0]?.activeFrom;
  if (from === undefined || from <= at) return null;
  const holding = versions.find((v) => (v.activeFrom ?? -Infinity) <= at && at < (v.activeUntil ?? Infinity));
  return { from: new Date(from).toISOString(), participants: (holding?.participants ?? []).map((userId) => ({ userId, name: loaded.people.get(userId)?.name ?? "Unknown" })) };
}

/** The start of the current definition's first instance after `at`. */
function layerNextHandoff(loaded: LoadedSchedule, layerId: string, at: number): string | null {
  const layer = loaded.engine.layers.find((l) => l.id === layerId);
  if (!layer) return null;
  const next = rotationShiftByIndex(layer, loaded.row.timeZone, rotationIndexAt(layer, loaded.row.timeZone, at) + 1);
  return next ? new Date(next.start).toISOString() : null;
}

export function summarise(loaded: LoadedSchedule, now: Date): ScheduleOutput {
  const at = now.getTime();
  const holder = onCallAt(loaded.engine, at);
  const ahead = shiftsBetween(loaded.engine, at, at + GAP_HORIZON_DAYS * DAY);
  // When someone else takes over: time off flags the holder's piece (and cuts it) but they stay on call.
  const handoff = nextHolderChange(ahead);
  const nextHandoff = handoff !== null ? new Date(handoff).toISOString() : null;
  return {
    id: loaded.row.id,
    name: loaded.row.name,
    description: loaded.row.description,
    timeZone: loaded.row.timeZone,
    teamId: loaded.row.teamId,
    clientId: loaded.row.clientId,
    layers: loaded.layers.map((l) => {
      const waiting = pending(loaded, l.id, at);
      return {
        id: l.id,
        name: l.name,
        position: l.position,
        participants: l.participants.map((userId) => ({ userId, name: loaded.people.get(userId)?.name ?? "Unknown", disabled: isInactiveAt(loaded.engine, userId, at) })),
        shiftUnit: l.shiftUnit,
        shiftCount: l.shiftCount,
        handoffTime: l.handoffTime,
        handoffWeekday: l.handoffWeekday,
        startDate: l.startDate,
        restrictions: l.restrictions,
        version: l.version,
        effectiveFrom: waiting?.from ?? null,
        participantsUntilThen: waiting?.participants ?? null,
        nextHandoff: layerNextHandoff(loaded, l.id, at),
      };
    }),
    onCallNow: { userId: holder.userId, userName: holder.userId ? (loaded.people.get(holder.userId)?.name ?? null) : null },
    nextHandoff,
    gapsNext14Days: ahead.filter((s) => s.userId === null).length,
    holidays: loaded.namedHolidays,
  };
}

/** Every schedule with who holds it now, the next handoff and gaps in the next 14 days. */
export async function listSchedules(ctx: Ctx): Promise<ScheduleOutput[]> {
  await requirePermission(ctx, "schedules:read");
  const rows = await ctx.db.select({ id: schedules.id }).from(schedules).orderBy(asc(schedules.name));
  const from = new Date(ctx.now.getTime() - DAY);
  const to = new Date(ctx.now.getTime() + (GAP_HORIZON_DAYS + 1) * DAY);
  const loaded = await loadEngineSchedules(ctx.db, rows.map((r) => r.id), from, to);
  return rows.flatMap((r) => {
    const l = loaded.get(r.id);
    return l ? [summarise(l, ctx.now)] : [];
  });
}

export async function getSchedule(ctx: Ctx, scheduleId: string): Promise<ScheduleOutput> {
  await requirePermission(ctx, "schedules:read", { type: "schedule", id: scheduleId });
  const loaded = await loadEngineSchedule(ctx.db, scheduleId, new Date(ctx.now.getTime() - DAY), new Date(ctx.now.getTime() + (GAP_HORIZON_DAYS + 1) * DAY));
  return summarise(loaded, ctx.now);
}

/** The final shifts of a schedule in [from, to): who, when, from which layer or override; gaps explicit. */
export async function listShifts(ctx: Ctx, scheduleId: string, from: Date, to: Date): Promise<ShiftOutput[]> {
  await requirePermission(ctx, "schedules:read", { type: "schedule", id: scheduleId });
  return scheduleShifts(ctx, scheduleId, from, to);
}

/** The same without an access check, for callers that checked another way (a secret feed URL). */
export async function scheduleShifts(ctx: Pick<Ctx, "db">, scheduleId: string, from: Date, to: Date): Promise<ShiftOutput[]> {
  const loaded = await loadEngineSchedule(ctx.db, scheduleId, from, to);
  return shiftsBetween(loaded.engine, from.getTime(), to.getTime()).map((s) => toShiftOutput(s, loaded));
}

/**
 * The same, each holder's shift whole: time off flags it (`conflicts`) but does not cut it, so an
 * edit of time off changes no shift's extent (the schedule iCal feed, whose UIDs are the starts).
 * No access check.
 */
export async function scheduleHolderShifts(ctx: Pick<Ctx, "db">, scheduleId: string, from: Date, to: Date): Promise<ShiftOutput[]> {
  const loaded = await loadEngineSchedule(ctx.db, scheduleId, from, to);
  return mergeHolderPieces(shiftsBetween(loaded.engine, from.getTime(), to.getTime())).map((s) => toShiftOutput(s, loaded));
}

/** Who holds each schedule at `at`. */
export async function whoIsOnCall(ctx: Ctx, at: Date) {
  await requirePermission(ctx, "schedules:read");
  const rows = await ctx.db.select({ id: schedules.id, name: schedules.name }).from(schedules).orderBy(asc(schedules.name));
  const all = await loadEngineSchedules(ctx.db, rows.map((r) => r.id), new Date(at.getTime() - DAY), new Date(at.getTime() + DAY));
  const result = [];
  for (const r of rows) {
    const loaded = all.get(r.id);
    if (!loaded) continue;
    const holder = onCallAt(loaded.engine, at.getTime());
    result.push({ scheduleId: r.id, scheduleName: r.name, userId: holder.userId, userName: holder.userId ? (loaded.people.get(holder.userId)?.name ?? null) : null, origin: holder.origin, at: at.toISOString() });
  }
  return result;
}

/**
 * The shifts one person holds across every schedule in [from, to) ("my shifts", the person page,
 * their iCal feed): each shift whole, flagged if it meets their time off rather than cut there.
 */
export async function personShifts(ctx: Pick<Ctx, "db">, userId: string, from: Date, to: Date) {
  const rows = await ctx.db.select({ id: schedules.id }).from(schedules);
  const all = await loadEngineSchedules(ctx.db, rows.map((r) => r.id), from, to);
  const out: (ShiftOutput & { scheduleId: string; scheduleName: string })[] = [];
  for (const loaded of all.values()) {
    for (const s of mergeHolderPieces(shiftsBetween(loaded.engine, from.getTime(), to.getTime()))) {
      if (s.userId === userId) out.push({ ...toShiftOutput(s, loaded), scheduleId: loaded.row.id, scheduleName: loaded.row.name });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/** The final shifts of every schedule of a team in [from, to), each tagged with its schedule (team calendar). */
export async function listTeamScheduleShifts(ctx: Ctx, teamId: string, from: Date, to: Date) {
  await requirePermission(ctx, "schedules:read", { type: "team_calendar", id: teamId });
  await requireTeamVisible(ctx, teamId);
  const rows = await ctx.db.select({ id: schedules.id, name: schedules.name }).from(schedules).where(eq(schedules.teamId, teamId)).orderBy(asc(schedules.name));
  const all = await loadEngineSchedules(ctx.db, rows.map((r) => r.id), from, to);
  const out: (ShiftOutput & { scheduleId: string; scheduleName: string })[] = [];
  for (const r of rows) {
    const loaded = all.get(r.id);
    if (!loaded) continue;
    for (const s of shiftsBetween(loaded.engine, from.getTime(), to.getTime())) out.push({ ...toShiftOutput(s, loaded), scheduleId: r.id, scheduleName: r.name });
  }
  return { schedules: rows, shifts: out.sort((a, b) => a.start.localeCompare(b.start)) };
}
