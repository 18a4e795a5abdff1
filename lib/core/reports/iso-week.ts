import { isoDateOfEpochDay, weekdayOfEpochDay, type IsoDate } from "../time/civil-date";
import { DAY_MS } from "../time/local-time";
import type { EpochMs } from "../time/zone-offsets";

/** The Monday (UTC) of the ISO week holding `at`, as YYYY-MM-DD: the key of a week-by-week row. */
export function isoWeekKey(at: EpochMs): IsoDate {
  const day = Math.floor(at / DAY_MS);
  return isoDateOfEpochDay(day - (weekdayOfEpochDay(day) - 1));
}

/** "2026-W10": the ISO week-numbering label of the week starting on Monday `key`. */
export function isoWeekLabel(key: IsoDate): string {
  const monday = Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
  const thursday = monday + 3; // the ISO year is the Thursday's year
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Every week key touching [from, to), oldest first (a week is present even when nothing happened). */
export function isoWeekKeysBetween(from: EpochMs, to: EpochMs, cap = 60): IsoDate[] {
  const keys: IsoDate[] = [];
  if (to <= from) return keys;
  let monday = Date.parse(`${isoWeekKey(from)}T00:00:00Z`);
  for (let i = 0; monday < to; i++) {
    if (i >= cap) throw new Error("isoWeekKeysBetween: more weeks than the cap");
    keys.push(isoDateOfEpochDay(Math.floor(monday / DAY_MS)));
    monday += 7 * DAY_MS;
  }
  return keys;
}
