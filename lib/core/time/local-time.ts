/** Wall-clock times of day written "HH:MM" (24-hour), as used for handoffs and windows. */
export type LocalTime = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** "00:00"–"23:59"; "24:00" only where `allowEndOfDay` (the end of a window). */
export const LOCAL_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_OF_DAY = "24:00";

export function isLocalTime(value: string, options: { allowEndOfDay?: boolean } = {}): boolean {
  return LOCAL_TIME_PATTERN.test(value) || (options.allowEndOfDay === true && value === END_OF_DAY);
}

/** Minutes since local midnight of "HH:MM" ("24:00" → 1440); throws on anything else. */
export function minuteOfDayOfLocalTime(value: LocalTime): number {
  if (!isLocalTime(value, { allowEndOfDay: true })) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(value)}`);
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

export function localTimeOfMinuteOfDay(minuteOfDay: number): LocalTime {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
