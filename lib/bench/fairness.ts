/**
 * Fairness benchmark (shared/scenarios/README.md):
 *
 *   tsx lib/bench/fairness.ts --scenario <file> --out <dir>
 *   tsx lib/bench/fairness.ts --generate-members 20 [--weeks 26] [--seed 1] [--daily] --out <dir>
 *   tsx lib/bench/fairness.ts --suite 30 [--first-seed 31] [--list-missed]
 *                                             (synthetic families × 30 seeds: how often Baton meets each target;
 *                                              --first-seed for a hold-out range, --list-missed names the seeds)
 *
 * Decides the horizon slot by slot with fixed rotation, least recently on call and Baton, writes
 * <dir>/<algorithm>.json ({ algorithm, shifts: [{ member, start, end }] }, UTC), prints gap,
 * balance, breaks and decision time per algorithm, and exits 1 if Baton misses a target:
 * gap ≤ 1.0 mean shift and ≤ the best baseline's, balance ≥ the best baseline's, no breaks, and
 * (up to 20 members × 26 weeks) all decisions within 1 s.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import type { FairnessAlgorithm } from "../core/fairness/algorithm";
import { baton } from "../core/fairness/baton-generator";
import { fixedRotation } from "../core/fairness/fixed-rotation";
import { leastRecentlyOnCall } from "../core/fairness/least-recently-on-call";
import { parseFairnessScenario, type FairnessScenario } from "../core/fairness/scenario";
import { simulate, type SimulationResult } from "../core/fairness/simulate";
import { syntheticScenario, type SyntheticScenarioOptions } from "../core/fairness/synthetic-scenario";
import { toIsoInstant } from "../core/time/zoned-time";

const GAP_TARGET = 1.0;
const DECISION_BUDGET_MS = 1000;
const BUDGET_SIZE = { members: 20, weeks: 26 };

/** Wraps an algorithm to add up the time its decisions take (preparation included). */
function timed(algorithm: FairnessAlgorithm): { algorithm: FairnessAlgorithm; elapsedMs: () => number } {
  let elapsed = 0;
  return {
    elapsedMs: () => elapsed,
    algorithm: {
      name: algorithm.name,
      prepare(problem) {
        const t0 = performance.now();
        const decide = algorithm.prepare(problem);
        elapsed += performance.now() - t0;
        return (state) => {
          const t1 = performance.now();
          const choice = decide(state);
          elapsed += performance.now() - t1;
          return choice;
        };
      },
    },
  };
}

function loadScenario(values: Record<string, string | boolean | undefined>): FairnessScenario {
  if (typeof values["generate-members"] === "string") {
    const members = Number(values["generate-members"]);
    const weeks = Number(values.weeks ?? 26);
    const seed = Number(values.seed ?? 1);
    if (!Number.isInteger(members) || members < 1 || !Number.isInteger(weeks) || weeks < 1) throw new Error("--generate-members and --weeks take positive whole numbers");
    return syntheticScenario({
      seed,
      members,
      weeks,
      memberZones: ["America/New_York", "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "America/Chicago"],
      ...(values.daily ? { shift: { kind: "daily" as const, handoffTime: "08:30" }, noticeDays: 7 } : {}),
    });
  }
  if (typeof values.scenario !== "string") throw new Error("Give --scenario <file> or --generate-members <n>");
  return parseFairnessScenario(JSON.parse(readFileSync(values.scenario, "utf8")));
}

const THREE_ZONES = ["America/New_York", "America/New_York", "America/New_York", "America/Los_Angeles", "Europe/London"];

/** Families of scenarios of the benchmark's form, for `--suite`: sizes, zones, shift kinds, notice, carried burden, fair cases. */
const SUITE: { name: string; options: (seed: number) => SyntheticScenarioOptions }[] = [
  { name: "8 members, 3 zones, weekly", options: (seed) => ({ seed, members: 8, memberZones: THREE_ZONES }) },
  { name: "4 members, weekly", options: (seed) => ({ seed, members: 4, timeOffChance: 0.3 }) },
  { name: "already fair: 4 × 24 weeks", options: (seed) => ({ seed, members: 4, weeks: 24, maxCarriedBurden: 0, timeOffChance: 0 }) },
  { name: "already fair: 13 × 26 weeks", options: (seed) => ({ seed, members: 13, maxCarriedBurden: 0, timeOffChance: 0 }) },
  { name: "nearly fair: 6 × 24 weeks", options: (seed) => ({ seed, members: 6, weeks: 24, maxCarriedBurden: 10, timeOffChance: 0.2 }) },
  { name: "heavy carried burden", options: (seed) => ({ seed, members: 8, maxCarriedBurden: 600 }) },
  { name: "20 members, 4 zones, weekly", options: (seed) => ({ seed, members: 20, memberZones: ["America/New_York", "Europe/London", "Asia/Kolkata", "America/Chicago"] }) },
  { name: "London Fri 17:00, 52 weeks", options: (seed) => ({ seed, members: 9, weeks: 52, shift: { kind: "weekly", handoffWeekday: 5, handoffTime: "17:00" }, timeZone: "Europe/London", memberZones: ["Europe/London", "Europe/Berlin"] }) },
  { name: "weekly, no notice, storms", options: (seed) => ({ seed, members: 5, noticeDays: 0, stormChancePerDay: 0.2 }) },
  { name: "daily, 8 members, notice 14", options: (seed) => ({ seed, members: 8, shift: { kind: "daily", handoffTime: "08:30" }, noticeDays: 14, memberZones: ["America/New_York", "America/New_York", "America/Los_Angeles", "Europe/London"] }) },
  { name: "daily, 5 members, notice 7", options: (seed) => ({ seed, members: 5, weeks: 13, shift: { kind: "daily", handoffTime: "09:00" }, noticeDays: 7 }) },
  { name: "daily Sydney, 4 zones, notice 7", options: (seed) => ({ seed, members: 10, weeks: 13, timeZone: "Australia/Sydney", memberZones: ["Australia/Sydney", "Asia/Kolkata", "Europe/London", "America/New_York"], shift: { kind: "daily", handoffTime: "09:00" }, noticeDays: 7, holidays: ["2026-01-26", "2026-04-03", "2026-04-06", "2026-04-25"] }) },
  { name: "daily, storms, notice 3", options: (seed) => ({ seed, members: 7, weeks: 12, shift: { kind: "daily", handoffTime: "08:30" }, noticeDays: 3, stormChancePerDay: 0.1 }) },
];

/** Runs every suite family over `seeds` seeds and prints how often Baton meets each target. */
function runSuite(seeds: number, from = 1, listMissed = false): number {
  console.log(`family                               n  baton gap mean/max  best baseline mean  gap>1  >baseline  balance<  breaks  max decide ms`);
  let misses = 0;
  for (const family of SUITE) {
    let sum = 0, max = 0, baseSum = 0, over = 0, above = 0, below = 0, breaks = 0, slowest = 0;
    const missed: string[] = [];
    for (let seed = from; seed < from + seeds; seed++) {
      const scenario = syntheticScenario(family.options(seed));
      const fixed = simulate(scenario, fixedRotation).report;
      const leastRecent = simulate(scenario, leastRecentlyOnCall).report;
      const clock = timed(baton);
      const ours = simulate(scenario, clock.algorithm).report;
      const bestGap = Math.min(fixed.gap, leastRecent.gap);
      sum += ours.gap;
      baseSum += bestGap;
      max = Math.max(max, ours.gap);
      if (ours.gap > GAP_TARGET) over++;
      if (ours.gap > bestGap) above++;
      if (ours.balance < Math.max(fixed.balance, leastRecent.balance)) below++;
      breaks += ours.breaks.length;
      slowest = Math.max(slowest, clock.elapsedMs());
      const why = [
        ...(ours.gap > GAP_TARGET ? ["gap > 1"] : []),
        ...(ours.gap > bestGap ? [`gap > baseline ${bestGap.toFixed(3)}`] : []),
        ...(ours.balance < Math.max(fixed.balance, leastRecent.balance) ? ["balance < baseline"] : []),
        ...(ours.breaks.length > 0 ? [`breaks: ${ours.breaks.map((b) => b.kind).join(", ")}`] : []),
      ];
      if (why.length > 0) missed.push(`#${seed} gap ${ours.gap.toFixed(3)} (${why.join("; ")})`);
    }
    misses += over + above + below + breaks;
    console.log(
      `${family.name.padEnd(34)} ${String(seeds).padStart(3)}  ${(sum / seeds).toFixed(3)} / ${max.toFixed(3)}       ${(baseSum / seeds).toFixed(3)}          ${String(over).padStart(5)}  ${String(above).padStart(9)}  ${String(below).padStart(8)}  ${String(breaks).padStart(6)}  ${slowest.toFixed(0).padStart(13)}`,
    );
    if (listMissed) for (const line of missed) console.log(`    ${line}`);
  }
  return misses > 0 ? 1 : 0;
}

function shiftsFile(result: SimulationResult) {
  return {
    algorithm: result.algorithm,
    shifts: result.problem.horizon.slots.map((slot) => ({
      member: result.assignment[slot.index] ?? null,
      start: toIsoInstant(slot.start),
      end: toIsoInstant(slot.end),
    })),
  };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string" },
      out: { type: "string" },
      "generate-members": { type: "string" },
      weeks: { type: "string" },
      seed: { type: "string" },
      daily: { type: "boolean" },
      members: { type: "boolean", default: false },
      suite: { type: "string" },
      "first-seed": { type: "string" },
      "list-missed": { type: "boolean", default: false },
    },
  });
  if (values.suite !== undefined) return runSuite(Math.max(1, Number(values.suite) || 1), Math.max(1, Number(values["first-seed"] ?? 1) || 1), values["list-missed"]);

  let scenario: FairnessScenario;
  try {
    scenario = loadScenario(values);
  } catch (error) {
    if (error instanceof ZodError) {
      console.error("The scenario does not have the expected form:");
      for (const issue of error.issues) console.error(`  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    return 2;
  }

  const runs = [fixedRotation, leastRecentlyOnCall, baton].map((algorithm) => {
    const clock = timed(algorithm);
    const result = simulate(scenario, clock.algorithm);
    return { result, decisionMs: clock.elapsedMs() };
  });

  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    for (const { result } of runs) {
      writeFileSync(path.join(values.out, `${result.algorithm}.json`), `${JSON.stringify(shiftsFile(result), null, 2)}\n`);
    }
  }

  const slots = runs[0]!.result.problem.horizon.slots.length;
  console.log(`${scenario.name}: ${scenario.members.length} members, ${scenario.weeks} weeks, ${slots} ${scenario.shift.kind} slots, ${scenario.pages.length} pages, notice ${scenario.noticeDays} days`);
  console.log("");
  console.log("algorithm                 gap    balance  breaks  decisions (ms)");
  for (const { result, decisionMs } of runs) {
    const { gap, balance, breaks } = result.report;
    const kinds = [...new Set(breaks.map((b) => b.kind))].join(", ");
    console.log(
      `${result.algorithm.padEnd(24)} ${gap.toFixed(3).padStart(5)}  ${balance.toFixed(3).padStart(7)}  ${String(breaks.length).padStart(6)}  ${decisionMs.toFixed(1).padStart(14)}${kinds ? `  (${kinds})` : ""}`,
    );
  }
  if (values.members) {
    for (const { result } of runs) {
      console.log(`\n${result.algorithm}: member  shifts  burden  normalised`);
      for (const m of result.report.members) {
        console.log(`  ${m.id.padEnd(12)} ${String(m.shifts).padStart(3)}  ${m.burden.toFixed(1).padStart(8)}  ${m.normalisedBurden.toFixed(1).padStart(9)}${m.compared ? "" : "  (not compared)"}`);
      }
    }
  }

  const [fixed, leastRecent, ours] = runs;
  const bestGap = Math.min(fixed!.result.report.gap, leastRecent!.result.report.gap);
  const bestBalance = Math.max(fixed!.result.report.balance, leastRecent!.result.report.balance);
  const report = ours!.result.report;
  const misses: string[] = [];
  if (report.gap > GAP_TARGET) misses.push(`gap ${report.gap.toFixed(3)} > ${GAP_TARGET.toFixed(1)}`);
  if (report.gap > bestGap) misses.push(`gap ${report.gap.toFixed(3)} > best baseline ${bestGap.toFixed(3)}`);
  if (report.balance < bestBalance) misses.push(`balance ${report.balance.toFixed(3)} < best baseline ${bestBalance.toFixed(3)}`);
  if (report.breaks.length > 0) misses.push(`${report.breaks.length} breaks`);
  const withinBudgetSize = scenario.members.length <= BUDGET_SIZE.members && scenario.weeks <= BUDGET_SIZE.weeks;
  if (withinBudgetSize && ours!.decisionMs > DECISION_BUDGET_MS) misses.push(`decisions took ${ours!.decisionMs.toFixed(0)} ms > ${DECISION_BUDGET_MS} ms`);

  console.log("");
  if (misses.length > 0) {
    console.log(`Baton missed: ${misses.join("; ")}`);
    return 1;
  }
  console.log(`Baton meets the targets (gap ≤ ${GAP_TARGET.toFixed(1)} and ≤ ${bestGap.toFixed(3)}, balance ≥ ${bestBalance.toFixed(3)}, no breaks${withinBudgetSize ? `, decisions ≤ ${DECISION_BUDGET_MS} ms` : ""}).`);
  return 0;
}

process.exitCode = main();
