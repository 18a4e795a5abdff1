import { addDaysToIsoDate, type IsoDate } from "../time/civil-date";
import { toIsoInstant } from "../time/zoned-time";
import { scenarioHorizon } from "./horizon";
import type { FairnessScenario, ScenarioShift } from "./scenario";
import { pageRateBucket } from "./expected-pages";
import { holidaySet } from "./burden";

/**
 * Seeded synthetic scenarios of the benchmark's form, for tests and for the benchmark's timing
 * run: a team in chosen zones, carried burden, time off, holidays and pages with a working-hours
 * rhythm, night pages and the odd incident storm. The same options and seed give the same scenario.
 */
export interface SyntheticScenarioOptions {
  seed: number;
  name?: string;
  members: number;
  /** Members' zones, assigned round-robin. */
  memberZones?: readonly string[];
  timeZone?: string;
  start?: IsoDate;
  weeks?: number;
  shift?: ScenarioShift;
  noticeDays?: number;
  holidays?: readonly IsoDate[];
  /** Carried burden drawn uniformly from [0, maxCarriedBurden]. */
  maxCarriedBurden?: number;
  /** Chance that a member has each of up to two time-off periods (3–14 days). */
  timeOffChance?: number;
  /** Pages per hour outside working hours; working hours get `workingHoursFactor` times as many. */
  pagesPerHour?: number;
  workingHoursFactor?: number;
  /** Chance per day of a storm: 5–8 pages 17 minutes apart. */
  stormChancePerDay?: number;
}

/** mulberry32: a small, good-enough seeded generator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rand(); p > limit && k < 100; p *= rand()) k++;
  return k;
}

const US_HOLIDAYS_2026 = ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"];
const HOUR_MS = 3_600_000;

export function syntheticScenario(options: SyntheticScenarioOptions): FairnessScenario {
  const rand = seededRandom(options.seed);
  const timeZone = options.timeZone ?? "America/New_York";
  const start = options.start ?? "2026-01-05";
  const weeks = options.weeks ?? 26;
  const zones = options.memberZones ?? [timeZone];
  const lastDay = addDaysToIsoDate(start, weeks * 7 - 1);
  const holidays = (options.holidays ?? US_HOLIDAYS_2026).filter((d) => d >= start && d <= lastDay);
  const maxCarried = options.maxCarriedBurden ?? 30;
  const timeOffChance = options.timeOffChance ?? 0.5;
  const horizonDays = weeks * 7;

  const members = Array.from({ length: options.members }, (_, i) => {
    const timeOff: { from: IsoDate; to: IsoDate }[] = [];
    for (let period = 0; period < 2; period++) {
      if (rand() >= timeOffChance) continue;
      const from = addDaysToIsoDate(start, Math.floor(rand() * (horizonDays - 14)));
      timeOff.push({ from, to: addDaysToIsoDate(from, 2 + Math.floor(rand() * 12)) });
    }
    return {
      id: `m${String(i + 1).padStart(2, "0")}`,
      timeZone: zones[i % zones.length]!,
      carriedBurden: Math.round(rand() * maxCarried * 10) / 10,
      timeOff,
    };
  });

  const scenario: FairnessScenario = {
    name: options.name ?? `synthetic-${options.members}m-${weeks}w-${options.seed}`,
    timeZone,
    start,
    weeks,
    shift: options.shift ?? { kind: "weekly", handoffWeekday: 1, handoffTime: "09:00" },
    noticeDays: options.noticeDays ?? 14,
    holidays,
    members,
    pages: [],
  };

  const horizon = scenarioHorizon(scenario);
  const base = options.pagesPerHour ?? 0.07;
  const working = options.workingHoursFactor ?? 4;
  const stormChance = options.stormChancePerDay ?? 0.04;
  const holidayDays = holidaySet(holidays);
  const pages: { at: string; priority: string }[] = [];
  const priority = () => (rand() < 0.5 ? "high" : rand() < 0.6 ? "medium" : "low");
  const end = horizon.slots.length > 0 ? horizon.slots[horizon.slots.length - 1]!.end : horizon.end;
  for (let at = horizon.start; at < end; at += HOUR_MS) {
    const bucket = pageRateBucket(at, timeZone, holidayDays);
    const hour = bucket % 24;
    const workingHour = bucket < 24 && hour >= 8 && hour < 18;
    const count = poisson(rand, base * (workingHour ? working : bucket >= 24 ? 0.7 : 1));
    for (let i = 0; i < count; i++) pages.push({ at: toIsoInstant(at + Math.floor(rand() * 60) * 60_000), priority: priority() });
    if (hour === 0 && rand() < stormChance) {
      const stormAt = at + Math.floor(rand() * 24) * HOUR_MS;
      const size = 5 + Math.floor(rand() * 4);
      for (let i = 0; i < size; i++) pages.push({ at: toIsoInstant(stormAt + i * 17 * 60_000), priority: "high" });
    }
  }
  pages.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  scenario.pages = pages;
  return scenario;
}
