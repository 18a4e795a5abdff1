import { toIsoInstant } from "../time/zoned-time";
import type { FinalShift, RotationLayer } from "./types";

/** Shared by the engine's tests (not shipped code). */
export const NY = "America/New_York";

/** Final shifts as compact rows: "who start→end origin layer override [conflicts]". */
export function rows(shifts: readonly FinalShift[]): string[] {
  return shifts.map(
    (s) =>
      `${s.userId ?? "—"} ${toIsoInstant(s.start).slice(5, 16)}→${toIsoInstant(s.end).slice(5, 16)} ${s.origin}${s.layerId ? ` ${s.layerId}` : ""}${s.overrideId ? ` ${s.overrideId}` : ""}${s.conflicts.length ? ` [${s.conflicts.join(",")}]` : ""}`,
  );
}

/** Weekly, Monday 09:00 New York from Jan 5 2026: alice, bob, carol, dave (each week 14:00Z to 14:00Z in winter). */
export const weekly: RotationLayer = {
  id: "weekly",
  participants: ["alice", "bob", "carol", "dave"],
  shift: { unit: "weeks", count: 1 },
  handoffWeekday: 1,
  handoffTime: "09:00",
  startDate: "2026-01-05",
};
