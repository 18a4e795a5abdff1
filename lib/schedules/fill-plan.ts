import { and, eq, gte, inArray, lte, max } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { layerVersions, teams, timeOff } from "@/db/schema";
import { burdenWeightsOf, DEFAULT_BURDEN_WEIGHTS, evaluateAssignment, holidaySet, heldShiftBurdens, proposeFairAssignments, schedulingProblem, type BurdenWeights, type FairnessScenario } from "@/lib/core/fairness";
import { assigneeOf, isInactiveAt, rotationIndexAt, rotationShiftByIndex, shiftsBetween, type RotationLayer } from "@/lib/core/schedule";
import { localDateAt, localDateTimeAt } from "@/lib/core/time";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { ledgerBalances } from "@/lib/swaps/ledger-balances";
import { loadEngineSchedule, personZone, type LoadedSchedule } from "./load-engine-schedule";
import { loadPageTimes } from "./page-times";

const DAY = 86_400_000;
/** Burden carried into a plan: what each person held on this schedule over this many past weeks. */
export const CARRIED_WEEKS = 13;

export type FillPlan = {
  loaded: LoadedSchedule;
  layer: RotationLayer;
  layerVersion: number;
  /** Instance indexes of the horizon, in order; the first is the one in progress (already decided). */
  indexes: number[];
  /** Instances an approved swap or cover rests on: their holder cannot change. */
  lockedIndexes: number[];
  slots: { index: number; start: number; end: number }[];
  plain: string[];
  proposed: string[];
  scenario: FairnessScenario;
  weights: BurdenWeights;
};

/**
 * "Fill the next N weeks" for one layer: builds the fairness problem from the database (the
 * layer's instances, participants' zones and time off, holidays, burden carried over the past
 * weeks on this schedule, the cover ledger) and asks the generator, deciding now with only what
 * is known now. Weekly and daily rotations of one unit are supported.
 */
export async function planFill(db: Queryable, opts: { scheduleId: string; layerId: string; weeks: number; now: Date }): Promise<FillPlan> {
  const from = new Date(opts.now.getTime() - CARRIED_WEEKS * 7 * DAY);
  // An edit planned ahead: its rotation is filled from when it takes effect (the one until then is kept).
  const [pending] = await db.select({ until: max(layerVersions.validUntil) }).from(layerVersions).where(eq(layerVersions.layerId, opts.layerId));
  const startAt = Math.max(opts.now.getTime(), pending?.until?.getTime() ?? -Infinity);
  const to = new Date(startAt + (opts.weeks * 7 + 8) * DAY);
  const loaded = await loadEngineSchedule(db, opts.scheduleId, from, to);
  const layerRow = loaded.layers.find((l) => l.id === opts.layerId);
  const layer = loaded.engine.layers.find((l) => l.id === opts.layerId);
  if (!layerRow || !layer) throw new NotFoundError("Layer");
  if (layerRow.shiftCount !== 1 || layerRow.shiftUnit === "hours") throw InvalidError.field("layerId", "The generator fills weekly or daily rotations (one week or one day per shift)");
  const tz = loaded.row.timeZone;
  // Disabled accounts can't be paged: the plan leaves them out.
  const members = [...new Set(layerRow.participants)].filter((userId) => !isInactiveAt(loaded.engine, userId, opts.now.getTime()));
  if (members.length < 2) throw InvalidError.field("layerId", "A fair rotation needs at least two people who can be paged (disabled accounts are left out)");

  const current = Math.max(0, rotationIndexAt(layer, tz, startAt));
  const first = rotationShiftByIndex(layer, tz, current);
  if (!first) throw InvalidError.field("layerId", "The rotation has not started");
  const startDate = localDateAt(first.start, tz);
  const weights: BurdenWeights = loaded.row.teamId ? await teamWeights(db, loaded.row.teamId) : DEFAULT_BURDEN_WEIGHTS;

  // Burden each member carried on this schedule before now (final shifts, in their zone): weighted
  // hours and the team's pages that landed on them. A shift made arduous by its pages owes its
  // holder rest: no shift of theirs may start in the rest after it ended (7 days by default).
  const holidays = holidaySet(loaded.holidays);
  const pageTimes = loaded.row.teamId ? await loadPageTimes(db, { teamId: loaded.row.teamId, from, to: opts.now }) : [];
  const carried = new Map(members.map((m) => [m, 0]));
  const rest: { userId: string; start: number; end: number }[] = [];
  const zoneOf = personZone(loaded);
  // Shifts before the plan's first one, and any of an earlier rotation still to come before it.
  const past = shiftsBetween(loaded.engine, from.getTime(), first.start).filter((s) => s.userId && carried.has(s.userId));
  for (const { shift, burden, restEnd } of heldShiftBurdens(past, { zoneOf, scheduleZone: tz, holidays, pageTimes, weights })) {
    carried.set(shift.userId, carried.get(shift.userId)! + burden.total);
    if (restEnd !== null) rest.push({ userId: shift.userId, start: shift.end, end: restEnd });
  }
  const horizonEnd = localDateAt(first.start + (opts.weeks * 7 + 1) * DAY, tz);
  const off = await db.select().from(timeOff).where(and(inArray(timeOff.userId, members), lte(timeOff.fromDate, horizonEnd), gte(timeOff.toDate, startDate)));
  const ledger = await ledgerBalances(db, loaded.row.teamId);
  const local = localDateTimeAt(first.start, tz);
  const scenario: FairnessScenario = {
    name: `${loaded.row.name} / ${layerRow.name}`,
    timeZone: tz,
    start: startDate,
    weeks: opts.weeks,
    shift: layerRow.shiftUnit === "weeks" ? { kind: "weekly", handoffWeekday: local.weekday, handoffTime: layerRow.handoffTime } : { kind: "daily", handoffTime: layerRow.handoffTime },
    noticeDays: 0,
    holidays: loaded.holidays,
    members: members.map((id) => ({
      id,
      timeZone: zoneOf(id),
      carriedBurden: carried.get(id) ?? 0,
      ledgerBalance: ledger.get(id)?.burdenOwedToThem ?? 0,
      timeOff: off.filter((t) => t.userId === id).map((t) => ({ from: t.fromDate, to: t.toDate })),
    })),
    // Pages of the week in progress weigh on its holder in the before/after figures.
    pages: pageTimes.filter((at) => at >= first.start).map((at) => ({ at: new Date(at).toISOString(), priority: "high" })),
  };
  const problem = schedulingProblem(scenario, weights);
  const slots = problem.horizon.slots.map((s) => ({ index: rotationIndexAt(layer, tz, s.start), start: s.start, end: s.end }));
  const plain = slots.map((s) => assigneeOf({ ...layer, assignments: undefined }, s.index));
  // The slot in progress is decided: keep its holder, plan the rest.
  const held = assigneeOf(layer, slots[0]!.index);
  // Instances with an approved swap or cover keep their holder (the swap replaces that person):
  // everyone else is made unavailable there, so the generator plans around them.
  const locked = new Map<number, string>();
  slots.forEach((slot, i) => {
    const swapped = (loaded.engine.overrides ?? []).some((o) => o.origin === "swap" && o.start < slot.end && o.end > slot.start);
    if (i > 0 && swapped) locked.set(i, assigneeOf(layer, slot.index));
  });
  for (const member of problem.members) {
    for (const [i, holder] of locked) if (member.id !== holder) member.availability.timeOff.push({ start: slots[i]!.start, end: slots[i]!.end });
    for (const r of rest) if (r.userId === member.id && r.end > first.end) member.availability.timeOff.push({ start: r.start, end: r.end });
    member.availability.timeOff.sort((a, b) => a.start - b.start);
  }
  // Baton's reference is the layer as scheduled now (a plan published earlier where there is one,
  // else the plain rotation): kept where it is about as fair as the best plan, so filling again
  // doesn't churn weeks people were already told about.
  // Page rates are learnt from the same past weeks; the week in progress is decided, its pages so far known.
  const scheduled = slots.map((s, i) => {
    const holder = assigneeOf(layer, s.index);
    return members.includes(holder) ? holder : plain[i]!;
  });
  const proposedRest = proposeFairAssignments(problem, { slotIndex: 1, decisionAt: opts.now.getTime(), assigned: [held], knownPageTimes: pageTimes }, { rotation: scheduled, pagesObservedFrom: from.getTime() });
  const proposed = [held, ...slots.slice(1).map((_, i) => locked.get(i + 1) ?? proposedRest[i] ?? plain[i + 1]!)];
  return { loaded, layer, layerVersion: layerRow.version, indexes: slots.map((s) => s.index), lockedIndexes: [...locked.keys()].map((i) => slots[i]!.index), slots, plain, proposed, scenario, weights };
}

async function teamWeights(db: Queryable, teamId: string): Promise<BurdenWeights> {
  const [team] = await db.select({ weights: teams.burdenWeights }).from(teams).where(eq(teams.id, teamId));
  return burdenWeightsOf(team?.weights);
}

/**
 * Per person: shifts and normalised burden under an assignment, with the team's gap and balance.
 * The cover ledger counts as carried burden here, as it does for the generator.
 */
export function scoreAssignment(plan: FillPlan, assignment: readonly string[]) {
  const scenario = { ...plan.scenario, members: plan.scenario.members.map((m) => ({ ...m, carriedBurden: m.carriedBurden + (m.ledgerBalance ?? 0) })) };
  const report = evaluateAssignment(scenario, assignment, { weights: plan.weights });
  return { gap: report.gap, balance: report.balance, breaks: report.breaks.length, members: report.members };
}
