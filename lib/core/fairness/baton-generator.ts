import type { EpochMs } from "../time/zone-offsets";
import type { DecisionState, FairnessAlgorithm, SchedulingProblem, SlotDecider } from "./algorithm";
import { firstIndexAtOrAfter, hourBurden, isSleepBandPage } from "./burden";
import { estimatePageRates, expectedPageBurden, pageExposure, type PageExposure } from "./expected-pages";
import { fixedRotation } from "./fixed-rotation";
import { overlapsTimeOff, restEndAfter } from "./horizon";
import { leastRecentlyOnCall } from "./least-recently-on-call";

/**
 * Baton's fair generator.
 *
 * At each decision it plans every slot still open — the one being decided and all later ones —
 * so as to minimise the expected final gap, then commits the first. The plan uses what is known
 * then: carried burden and ledger, the burden already taken (weighted hours exactly, pages seen
 * so far, expected pages for the rest of decided shifts), each open slot's weighted hours in each
 * member's own zone (holidays, weekends, DST), expected pages estimated from history in each
 * member's sleep band, time off (which also raises a member's weight per shift through
 * availability-adjusted normalisation), rest after an arduous shift, and no back-to-back shifts.
 * The plan is a local search (move one slot, swap two) minimising
 *   (max − min) + spreadWeight × standard deviation
 * of projected normalised burden, warm-started from the previous decision's plan. That search
 * stops at the first plan no single move or swap improves, so each decision also restarts it a
 * few times from the plan with a share of its open slots re-drawn at random (seeded by the slot
 * index, so the same inputs give the same plan) and keeps the best plan with no more breaks.
 *
 * Baton keeps to the plain rotation while it is about as fair. The reference is least recently
 * on call (the listed rotation, skipping people on time off), which needs no pages and so is
 * known for the whole horizon from the start. While every slot so far has followed it, the
 * rotation's remaining slots are kept if they break no rule, leave a projected gap within
 * `keepRotationGap` mean slots, score within `keepRotationMargin` mean slots of the best plan,
 * and — unless it is the same as the listed rotation round and round, which ignores time off —
 * are expected to beat that by `keepRotationMargin` too. On a team that is already fair this
 * leaves the schedule as people expect it rather than trading pages' noise for changes; once
 * the plan is expected to be materially fairer, Baton plans freely for the rest of the horizon.
 */

export interface BatonOptions {
  /** Weight of the standard deviation next to the range in the plan's score. */
  spreadWeight?: number;
  /** Hours of pseudo-observation pulling each page-rate bucket towards the overall rate. */
  ratePriorHours?: number;
  /** Improving moves per decision at most (per restart). */
  maxMovesPerDecision?: number;
  /** Restarts of the local search per decision, from the plan with some open slots re-drawn. */
  restarts?: number;
  /** Share of the open slots re-drawn at random for a restart. */
  restartShare?: number;
  /** At most this many restarts × open slots per decision (long daily horizons get fewer restarts). */
  restartSlotBudget?: number;
  /** How much worse than the best plan (in mean slot burdens) the reference rotation may score and still be kept (0: never kept). */
  keepRotationMargin?: number;
  /** The reference rotation is kept only while its projected gap is within this many mean slot burdens. */
  keepRotationGap?: number;
  /** Pages known from this instant on (before the horizon: a team's history) teach the page rates; by default from the horizon's start. */
  pagesObservedFrom?: EpochMs;
  /**
   * The reference rotation, a member id (or null) per slot of the horizon. By default least
   * recently on call decided ahead, which must also beat the listed rotation by the margin.
   */
  rotation?: readonly (string | null)[];
}

type BatonSettings = Required<Omit<BatonOptions, "rotation" | "pagesObservedFrom">> & Pick<BatonOptions, "rotation" | "pagesObservedFrom">;
const DEFAULTS: BatonSettings = {
  spreadWeight: 1,
  ratePriorHours: 12,
  maxMovesPerDecision: 400,
  restarts: 10,
  restartShare: 0.2,
  restartSlotBudget: 600,
  keepRotationMargin: 0.25,
  keepRotationGap: 0.5,
};
const NONE = -1;

export function batonGenerator(options: BatonOptions = {}): FairnessAlgorithm {
  const settings = { ...DEFAULTS, ...options };
  return {
    name: "baton",
    prepare(problem): SlotDecider {
      const planner = prepareBatonPlanner(problem, settings);
      return (state) => planner(state)[0] ?? null;
    },
  };
}

/** Baton with its default settings. */
export const baton: FairnessAlgorithm = batonGenerator();

/**
 * "Fill the next N weeks": Baton's proposal for every open slot from `state.slotIndex` on, given
 * what is known at `state.decisionAt` (earlier slots as assigned, pages before that instant).
 */
export function proposeFairAssignments(problem: SchedulingProblem, state: DecisionState, options: BatonOptions = {}): (string | null)[] {
  return prepareBatonPlanner(problem, { ...DEFAULTS, ...options })(state);
}

/** Returns a function planning slots state.slotIndex … end (member ids); it reuses its last plan as a starting point. */
function prepareBatonPlanner(problem: SchedulingProblem, settings: BatonSettings): (state: DecisionState) => (string | null)[] {
  const { horizon, members, holidays, weights } = problem;
  const slots = horizon.slots;
  const S = slots.length;
  const M = members.length;
  const zones = [...new Set(members.map((m) => m.timeZone))];
  const zoneOf = members.map((m) => zones.indexOf(m.timeZone));
  const indexOf = new Map(members.map((m, i) => [m.id, i]));
  const compared = members.map((m) => m.availability.compared && m.availability.availableDays > 0);
  const factor = members.map((m) => (m.availability.availableDays > 0 ? horizon.days / m.availability.availableDays : 0));
  const fixedBase = members.map((m) => m.carriedBurden + m.ledgerBalance);

  // Known in advance: weighted hours of every slot for every zone, time off, page exposure.
  const hoursByZone = zones.map((zone) => slots.map((slot) => hourBurden(slot.start, slot.end, zone, holidays, weights)));
  const hourCost = new Float64Array(M * S);
  const timeOff = new Uint8Array(M * S);
  for (let m = 0; m < M; m++) {
    for (let s = 0; s < S; s++) {
      hourCost[m * S + s] = hoursByZone[zoneOf[m]!]![s]!;
      timeOff[m * S + s] = overlapsTimeOff(members[m]!.availability, slots[s]!.start, slots[s]!.end) ? 1 : 0;
    }
  }
  const exposures: PageExposure[] = slots.map((slot) => pageExposure(slot.start, slot.end, horizon.timeZone, zones, holidays, weights));
  const lastEnd = S > 0 ? slots[S - 1]!.end : horizon.end;
  const observedFrom = Math.min(settings.pagesObservedFrom ?? horizon.start, horizon.start);
  const timeline = pageExposure(observedFrom, lastEnd, horizon.timeZone, [], holidays, weights).buckets;
  const restEnd = (end: EpochMs) => restEndAfter(end, horizon.timeZone, weights);

  let plan: Int32Array = new Int32Array(S).fill(NONE);
  const memberIndexes = (ids: readonly (string | null)[]) => Int32Array.from({ length: S }, (_, s) => indexOf.get(ids[s] ?? "") ?? NONE);
  const rotation = memberIndexes(settings.rotation ?? decidedAhead(problem, leastRecentlyOnCall));
  // Least recently on call must also beat the listed rotation (unless it is the same), or keeping to it buys nothing.
  const listed = memberIndexes(decidedAhead(problem, fixedRotation));
  const rivals = settings.rotation || rotation.every((m, s) => m === listed[s]) ? [] : [listed];

  return (state: DecisionState): (string | null)[] => {
    const k = state.slotIndex;
    const t = state.decisionAt;
    const pages = state.knownPageTimes;
    const rates = estimatePageRates(pages, observedFrom, t, timeline, horizon.timeZone, holidays, settings.ratePriorHours);

    /** Burden of decided slot j for member m as far as it is known at t (pages seen, expected for the rest), and its sleep-band pages so far. */
    const decidedLoad = (m: number, j: number) => {
      const slot = slots[j]!;
      let sleep = 0;
      let load = hourCost[m * S + j]!;
      for (let i = firstIndexAtOrAfter(pages, slot.start); i < pages.length && pages[i]! < slot.end; i++) {
        const asleep = isSleepBandPage(pages[i]!, members[m]!.timeZone, weights);
        if (asleep) sleep++;
        load += asleep ? weights.sleepPage : weights.awakePage;
      }
      if (slot.end > t) load += expectedPageBurden(exposures[j]!, zoneOf[m]!, rates, Math.max(t, slot.start));
      return { load, sleep };
    };

    // Burden already taken, as far as it is known at t.
    const taken = new Float64Array(M);
    const blocked = new Uint8Array(M * S);
    blocked.set(timeOff);
    for (let j = 0; j < k; j++) {
      const m = indexOf.get(state.assigned[j] ?? "") ?? NONE;
      if (m === NONE) continue;
      const slot = slots[j]!;
      const { load, sleep } = decidedLoad(m, j);
      taken[m]! += load;
      if (sleep >= weights.arduousSleepPages) {
        // Known arduous: later slots decided after it ends, starting within the rest, are not theirs.
        const until = restEnd(slot.end);
        for (let s = k; s < S; s++) {
          if (slots[s]!.start >= slot.end && slots[s]!.start < until && slots[s]!.decisionAt >= slot.end) blocked[m * S + s] = 1;
        }
      }
    }

    const cost = new Float64Array(M * S);
    const expectedByZone = zones.map((_, z) => {
      const row = new Float64Array(S);
      for (let s = k; s < S; s++) row[s] = expectedPageBurden(exposures[s]!, z, rates);
      return row;
    });
    for (let m = 0; m < M; m++) {
      for (let s = k; s < S; s++) cost[m * S + s] = factor[m]! * (hourCost[m * S + s]! + expectedByZone[zoneOf[m]!]![s]!);
    }
    const projected = new Float64Array(M);
    for (let m = 0; m < M; m++) projected[m] = fixedBase[m]! + factor[m]! * taken[m]!;

    const previous = k > 0 ? (indexOf.get(state.assigned[k - 1] ?? "") ?? NONE) : NONE;
    const input: PlanInput = { plan, k, S, M, cost, blocked, compared, projected, previous, spreadWeight: settings.spreadWeight, maxMoves: settings.maxMovesPerDecision };
    plan = planOpenSlots(input);
    const open = S - k;
    const restarts = open > 0 ? Math.min(settings.restarts, Math.max(1, Math.floor(settings.restartSlotBudget / open))) : 0;
    let best = planQuality(plan, input);
    if (restarts > 0) {
      const random = slotSeededRandom(k);
      for (let r = 0; r < restarts; r++) {
        const start = plan.slice();
        for (let s = k; s < S; s++) if (random() < settings.restartShare) start[s] = Math.floor(random() * M);
        const candidate = planOpenSlots({ ...input, plan: start });
        const quality = planQuality(candidate, input);
        if (quality.breaks < best.breaks || (quality.breaks === best.breaks && quality.score < best.score - 1e-9)) {
          best = quality;
          plan = candidate;
        }
      }
    }
    if (open > 0 && settings.keepRotationMargin > 0 && followedRotation()) {
      const kept = plan.slice();
      kept.set(rotation.subarray(k), k);
      const quality = planQuality(kept, input);
      const unit = meanSlotCost();
      const margin = settings.keepRotationMargin * unit;
      const rotationRange = projectedRange(rotation);
      if (
        quality.breaks === 0 &&
        quality.range <= settings.keepRotationGap * unit &&
        quality.score <= best.score + margin &&
        rivals.every((rival) => rotationRange + margin <= projectedRange(rival))
      ) {
        plan = kept;
      }
    }
    return Array.from(plan.subarray(k), (m) => (m === NONE ? null : members[m]!.id));

    function followedRotation(): boolean {
      for (let j = 0; j < k; j++) if ((indexOf.get(state.assigned[j] ?? "") ?? NONE) !== rotation[j]) return false;
      return true;
    }

    /** The mean projected burden of one open slot, over members (the unit of the gap). */
    function meanSlotCost(): number {
      let sum = 0;
      for (let s = k; s < S; s++) for (let m = 0; m < M; m++) sum += cost[m * S + s]!;
      return sum / (open * M);
    }

    /** Projected range of normalised burden if `holders` held every slot of the horizon (pages seen so far, expected for the rest). */
    function projectedRange(holders: Int32Array): number {
      const n = Float64Array.from(fixedBase);
      for (let s = 0; s < S; s++) {
        const m = holders[s]!;
        if (m === NONE) continue;
        n[m]! += s >= k ? cost[m * S + s]! : factor[m]! * decidedLoad(m, s).load;
      }
      return rangeOf(n, compared);
    }
  };
}

/** A page-free algorithm decided ahead over the whole horizon (it needs no pages, so its choices are known from the start). */
function decidedAhead(problem: SchedulingProblem, algorithm: FairnessAlgorithm): (string | null)[] {
  const decide = algorithm.prepare(problem);
  const assigned: (string | null)[] = [];
  for (const slot of problem.horizon.slots) assigned.push(decide({ slotIndex: slot.index, decisionAt: slot.decisionAt, assigned, knownPageTimes: [] }));
  return assigned;
}

/** max − min over the compared members (0 with fewer than two). */
function rangeOf(n: Float64Array, compared: readonly boolean[]): number {
  let max = -Infinity;
  let min = Infinity;
  n.forEach((v, m) => {
    if (!compared[m]) return;
    max = Math.max(max, v);
    min = Math.min(min, v);
  });
  return max > min ? max - min : 0;
}

interface PlanInput {
  /** The previous decision's plan (slots ≥ k reused as a starting point). */
  plan: Int32Array;
  k: number;
  S: number;
  M: number;
  /** cost[m × S + s]: projected normalised burden slot s adds to member m. */
  cost: Float64Array;
  /** blocked[m × S + s]: time off or rest. */
  blocked: Uint8Array;
  compared: readonly boolean[];
  /** Projected normalised burden before any open slot. */
  projected: Float64Array;
  /** Holder of slot k − 1 (NONE at the start). */
  previous: number;
  spreadWeight: number;
  maxMoves: number;
}

/** Plans slots k … S−1. Returns the plan (entries below k are left as they were). */
function planOpenSlots(input: PlanInput): Int32Array {
  const { k, S, M, cost, blocked, compared, previous } = input;
  const plan = input.plan.slice();
  const n = Float64Array.from(input.projected);
  const holderAt = (s: number) => (s < k ? (s === k - 1 ? previous : NONE) : s < S ? plan[s]! : NONE);
  // Slots nobody can take without a break keep a forced holder and are not moved.
  const forced = new Uint8Array(S);
  const allowed = (m: number, s: number) => compared[m]! && !blocked[m * S + s];
  const fits = (m: number, s: number) => allowed(m, s) && holderAt(s - 1) !== m && holderAt(s + 1) !== m;

  // Start from the previous plan where it still fits; fill the rest greedily in time order.
  for (let s = k; s < S; s++) {
    const m = plan[s]!;
    if (m !== NONE && fits(m, s)) n[m]! += cost[m * S + s]!;
    else plan[s] = NONE;
  }
  // The only member who could take slot s (NONE if nobody or several), to keep it possible.
  const soleCandidate = (s: number) => {
    let sole = NONE;
    for (let m = 0; m < M; m++) {
      if (!allowed(m, s) || holderAt(s + 1) === m) continue;
      if (sole !== NONE) return NONE;
      sole = m;
    }
    return sole;
  };
  for (let s = k; s < S; s++) {
    if (plan[s] !== NONE) continue;
    const keepForNext = s + 1 < S && plan[s + 1] === NONE ? soleCandidate(s + 1) : NONE;
    let best = NONE;
    for (let m = 0; m < M; m++) {
      if (!fits(m, s)) continue;
      if (best === NONE || (best === keepForNext && m !== keepForNext)) {
        best = m;
        continue;
      }
      if (m !== keepForNext && n[m]! + cost[m * S + s]! < n[best]! + cost[best * S + s]!) best = m;
    }
    if (best === NONE) {
      best = leastBadHolder(s, input, holderAt);
      forced[s] = 1;
    }
    plan[s] = best;
    if (best !== NONE && compared[best]) n[best]! += cost[best * S + s]!;
  }

  // unavailable[m × S + s]: time off, rest, or left out of the comparison.
  const unavailable = new Uint8Array(M * S);
  for (let m = 0; m < M; m++) for (let s = k; s < S; s++) unavailable[m * S + s] = allowed(m, s) ? 0 : 1;
  const EPSILON = 1e-9;

  const score = new SpreadScore(n, compared, input.spreadWeight);
  // Steepest descent, batched: each scan of the neighbourhood collects the improving moves; they
  // are applied best first, each re-checked against the plan as it stands, then the next scan.
  const found: { delta: number; s1: number; s2: number; a: number; b: number }[] = [];
  let moves = 0;
  for (let scan = 0; scan < input.maxMoves && moves < input.maxMoves; scan++) {
    const current = score.value();
    found.length = 0;
    for (let s1 = k; s1 < S; s1++) {
      if (forced[s1]) continue;
      const a = plan[s1]!;
      const before1 = holderAt(s1 - 1);
      const after1 = holderAt(s1 + 1);
      const costA1 = cost[a * S + s1]!;
      for (let b = 0; b < M; b++) {
        if (b === a || unavailable[b * S + s1] || b === before1 || b === after1) continue;
        const delta = score.valueWith(a, n[a]! - costA1, b, n[b]! + cost[b * S + s1]!) - current;
        if (delta < -EPSILON) found.push({ delta, s1, s2: NONE, a, b });
      }
      for (let s2 = s1 + 1; s2 < S; s2++) {
        const b = plan[s2]!;
        if (b === a || forced[s2]) continue;
        const changeA = cost[a * S + s2]! - costA1;
        const changeB = cost[b * S + s1]! - cost[b * S + s2]!;
        if (Math.abs(changeA) < EPSILON && Math.abs(changeB) < EPSILON) continue; // slots alike for both
        if (unavailable[b * S + s1] || unavailable[a * S + s2] || before1 === b) continue;
        if (s2 + 1 < S && plan[s2 + 1] === a) continue;
        if (s2 > s1 + 1 && (after1 === b || plan[s2 - 1] === a)) continue;
        const delta = score.valueWith(a, n[a]! + changeA, b, n[b]! + changeB) - current;
        if (delta < -EPSILON) found.push({ delta, s1, s2, a, b });
      }
    }
    if (found.length === 0) break;
    found.sort((x, y) => x.delta - y.delta || x.s1 - y.s1 || x.s2 - y.s2 || x.b - y.b);
    for (const { s1, s2, a, b } of found) {
      if (moves >= input.maxMoves) break;
      if (plan[s1] !== a) continue;
      const now = score.value();
      if (s2 === NONE) {
        if (holderAt(s1 - 1) === b || holderAt(s1 + 1) === b) continue;
        const newA = n[a]! - cost[a * S + s1]!;
        const newB = n[b]! + cost[b * S + s1]!;
        if (score.valueWith(a, newA, b, newB) - now >= -EPSILON) continue;
        n[a] = newA;
        n[b] = newB;
        plan[s1] = b;
      } else {
        if (plan[s2] !== b) continue;
        if (holderAt(s1 - 1) === b || holderAt(s2 + 1) === a) continue;
        if (s2 > s1 + 1 && (plan[s1 + 1] === b || plan[s2 - 1] === a)) continue;
        const newA = n[a]! + cost[a * S + s2]! - cost[a * S + s1]!;
        const newB = n[b]! + cost[b * S + s1]! - cost[b * S + s2]!;
        if (score.valueWith(a, newA, b, newB) - now >= -EPSILON) continue;
        n[a] = newA;
        n[b] = newB;
        plan[s1] = b;
        plan[s2] = a;
      }
      score.reset(n);
      moves++;
    }
  }
  return plan;
}

/** A plan's breaks among the open slots (nobody, time off or rest, left out of the comparison, back-to-back) and its score. */
function planQuality(plan: Int32Array, input: PlanInput): { breaks: number; score: number; range: number } {
  const { k, S, cost, blocked, compared, previous } = input;
  const n = Float64Array.from(input.projected);
  let breaks = 0;
  for (let s = k; s < S; s++) {
    const m = plan[s]!;
    if (m === NONE || !compared[m] || blocked[m * S + s] || (s === k ? previous : plan[s - 1]) === m) breaks++;
    if (m !== NONE && compared[m]) n[m]! += cost[m * S + s]!;
  }
  return { breaks, score: new SpreadScore(n, compared, input.spreadWeight).value(), range: rangeOf(n, compared) };
}

/** A small deterministic generator (LCG) for restarts, seeded by the slot being decided. */
function slotSeededRandom(slotIndex: number): () => number {
  let state = (12345 + slotIndex * 7919) >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** For a slot nobody can take cleanly: someone left out of the comparison, else back-to-back, else on rest or time off. */
function leastBadHolder(s: number, input: PlanInput, holderAt: (s: number) => number): number {
  const { S, M, blocked, compared } = input;
  let best = NONE;
  let bestRank = Infinity;
  for (let m = 0; m < M; m++) {
    const adjacent = holderAt(s - 1) === m || holderAt(s + 1) === m;
    const rank = (blocked[m * S + s] ? 4 : 0) + (adjacent ? 2 : 0) + (compared[m] ? 0 : 1);
    if (rank < bestRank) {
      bestRank = rank;
      best = m;
    }
  }
  return best;
}

/**
 * (max − min) + w × standard deviation of the compared members' projected burdens, with the
 * value after changing two members' burdens computed in O(1) from the top and bottom three.
 */
class SpreadScore {
  private readonly members: number[];
  private readonly isCompared: Uint8Array;
  private n: Float64Array;
  private ref = 0;
  private sum = 0;
  private sumSq = 0;
  // The three highest and three lowest members (NONE where fewer) and their burdens.
  private top = [NONE, NONE, NONE];
  private topValue = [-Infinity, -Infinity, -Infinity];
  private bottom = [NONE, NONE, NONE];
  private bottomValue = [Infinity, Infinity, Infinity];

  constructor(
    n: Float64Array,
    compared: readonly boolean[],
    private readonly spreadWeight: number,
  ) {
    this.members = compared.flatMap((c, m) => (c ? [m] : []));
    this.isCompared = Uint8Array.from(compared, (c) => (c ? 1 : 0));
    this.n = n;
    this.reset(n);
  }

  reset(n: Float64Array): void {
    this.n = n;
    const ms = this.members;
    this.ref = ms.length > 0 ? ms.reduce((acc, m) => acc + n[m]!, 0) / ms.length : 0;
    this.sum = 0;
    this.sumSq = 0;
    for (const m of ms) {
      const d = n[m]! - this.ref;
      this.sum += d;
      this.sumSq += d * d;
    }
    const sorted = [...ms].sort((a, b) => n[b]! - n[a]!);
    for (let i = 0; i < 3; i++) {
      const hi = sorted[i];
      const lo = sorted[sorted.length - 1 - i];
      this.top[i] = hi ?? NONE;
      this.topValue[i] = hi === undefined ? -Infinity : n[hi]!;
      this.bottom[i] = lo ?? NONE;
      this.bottomValue[i] = lo === undefined ? Infinity : n[lo]!;
    }
  }

  value(): number {
    return this.valueWith(NONE, 0, NONE, 0);
  }

  valueWith(a: number, newA: number, b: number, newB: number): number {
    const count = this.members.length;
    if (count < 2) return 0;
    const top = this.top;
    const bottom = this.bottom;
    // The highest and lowest among the members that do not change…
    let max = top[0] !== a && top[0] !== b ? this.topValue[0]! : top[1] !== a && top[1] !== b ? this.topValue[1]! : this.topValue[2]!;
    let min = bottom[0] !== a && bottom[0] !== b ? this.bottomValue[0]! : bottom[1] !== a && bottom[1] !== b ? this.bottomValue[1]! : this.bottomValue[2]!;
    let sum = this.sum;
    let sumSq = this.sumSq;
    // …then the two that do.
    if (a !== NONE && this.isCompared[a]) {
      const before = this.n[a]! - this.ref;
      const after = newA - this.ref;
      sum += after - before;
      sumSq += after * after - before * before;
      if (newA > max) max = newA;
      if (newA < min) min = newA;
    }
    if (b !== NONE && this.isCompared[b]) {
      const before = this.n[b]! - this.ref;
      const after = newB - this.ref;
      sum += after - before;
      sumSq += after * after - before * before;
      if (newB > max) max = newB;
      if (newB < min) min = newB;
    }
    const mean = sum / count;
    const variance = sumSq / count - mean * mean;
    return max - min + (variance > 0 ? this.spreadWeight * Math.sqrt(variance) : 0);
  }
}
