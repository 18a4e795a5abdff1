/**
 * Schedule engine benchmark: `tsx lib/bench/schedule.ts [--runs 5] [--on-call-samples 1000]`.
 * 100 schedules × 3 layers (weekly, daily with weekday restrictions, 12-hourly follow-the-sun
 * with a window across midnight), each with 40 overrides and 10 time-off intervals over one
 * year: `shiftsBetween` for the whole year and `onCallAt` at N instants per schedule.
 * Target: ≤ 200 ms for the lot. The first run in a fresh process also pays for JIT warm-up and
 * building the zone offset tables (a one-off per process); the target is checked on the steady
 * state (median of the later runs) and the cold figure is printed beside it. Exits 1 on a miss.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { seededRandom } from "../core/fairness/synthetic-scenario";
import { onCallAt, shiftsBetween, type Schedule } from "../core/schedule";
import { DAY_MS, HOUR_MS } from "../core/time/local-time";
import { epochMsOfIsoInstant, localDatesInterval, toIsoInstant } from "../core/time/zoned-time";

const TARGET_MS = 200;
const ZONES = ["America/New_York", "America/Chicago", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/Los_Angeles"];

function buildSchedules(count: number, yearStart: number): Schedule[] {
  const rand = seededRandom(42); // the same schedules every run
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  return Array.from({ length: count }, (_, s) => {
    const timeZone = ZONES[s % ZONES.length]!;
    const staff = people(`s${s}-u`, 12);
    const overrides = Array.from({ length: 40 }, (_, i) => {
      const start = yearStart + Math.floor(rand() * 360) * DAY_MS + Math.floor(rand() * 24) * HOUR_MS;
      return {
        id: `o${i}`,
        userId: staff[Math.floor(rand() * staff.length)]!,
        start,
        end: start + (1 + Math.floor(rand() * 72)) * HOUR_MS,
        origin: i % 4 === 0 ? ("swap" as const) : ("override" as const),
        ...(i % 3 === 0 ? { replacesUserId: staff[Math.floor(rand() * 6)]! } : {}),
      };
    });
    const timeOff = Array.from({ length: 10 }, (_, i) => {
      const month = 1 + Math.floor(rand() * 12);
      const from = `2026-${String(month).padStart(2, "0")}-${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}`;
      const to = `2026-${String(month).padStart(2, "0")}-${String(22 + Math.floor(rand() * 6)).padStart(2, "0")}`;
      return { userId: staff[i]!, ...localDatesInterval(from, to, timeZone) };
    });
    return {
      timeZone,
      layers: [
        { id: "weekly", participants: staff.slice(0, 6), shift: { unit: "weeks", count: 1 }, handoffWeekday: 1, handoffTime: "09:00", startDate: "2025-12-01" },
        {
          id: "business-days",
          participants: staff.slice(6, 9),
          shift: { unit: "days", count: 1 },
          handoffTime: "08:30",
          startDate: "2025-12-01",
          restrictions: [{ weekdays: [1, 2, 3, 4, 5], start: "08:30", end: "17:30" }],
        },
        {
          id: "follow-the-sun",
          participants: staff.slice(9, 12),
          shift: { unit: "hours", count: 12 },
          handoffTime: "20:00",
          startDate: "2025-12-01",
          restrictions: [{ weekdays: [1, 2, 3, 4], start: "22:00", end: "06:00" }],
        },
      ],
      overrides,
      timeOff,
    } satisfies Schedule;
  });
}

function run(schedules: Schedule[], from: number, to: number, samples: number) {
  const t0 = performance.now();
  let pieces = 0;
  for (const schedule of schedules) pieces += shiftsBetween(schedule, from, to).length;
  const t1 = performance.now();
  let onCall = 0;
  const step = (to - from) / samples;
  for (const schedule of schedules) {
    for (let i = 0; i < samples; i++) if (onCallAt(schedule, from + Math.floor(i * step)).userId !== null) onCall++;
  }
  const t2 = performance.now();
  return { shiftsMs: t1 - t0, onCallMs: t2 - t1, totalMs: t2 - t0, pieces, onCall };
}

function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, "on-call-samples": { type: "string", default: "1000" } } });
  const runs = Math.max(1, Number(values.runs));
  const samples = Math.max(1, Number(values["on-call-samples"]));
  const from = epochMsOfIsoInstant("2026-01-01T00:00:00Z");
  const to = epochMsOfIsoInstant("2027-01-01T00:00:00Z");
  const schedules = buildSchedules(100, from);

  const results = Array.from({ length: runs }, () => run(schedules, from, to, samples));
  const first = results[0]!;
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  console.log(`100 schedules × 3 layers, 40 overrides and 10 time-off intervals each, ${toIsoInstant(from).slice(0, 10)} → one year`);
  console.log(`shiftsBetween: whole year per schedule (${first.pieces} final shifts); onCallAt: ${samples} instants per schedule (${100 * samples} calls)`);
  console.log("run   shiftsBetween ms   onCallAt ms   total ms");
  results.forEach((r, i) => console.log(`${String(i + 1).padStart(3)}   ${fmt(r.shiftsMs)}            ${fmt(r.onCallMs)}      ${fmt(r.totalMs)}${i === 0 ? "  (fresh process)" : ""}`));
  const later = results.length > 1 ? results.slice(1) : results;
  const steady = later.map((r) => r.totalMs).sort((a, b) => a - b)[Math.floor((later.length - 1) / 2)]!;
  console.log(`steady state (median of runs 2–${results.length}): ${steady.toFixed(1)} ms; first run in a fresh process: ${first.totalMs.toFixed(1)} ms; target ≤ ${TARGET_MS} ms`);
  if (steady > TARGET_MS) {
    console.error(`FAIL: ${steady.toFixed(1)} ms > ${TARGET_MS} ms`);
    process.exitCode = 1;
  } else if (first.totalMs > TARGET_MS) {
    console.log(`(the first run is over the target: JIT warm-up and zone tables, paid once per process)`);
  }
}

main();
