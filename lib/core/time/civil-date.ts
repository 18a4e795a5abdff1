/**
 * Calendar dates without a zone ("2026-03-08"), as ISO strings at the edges and as epoch
 * days (days since 1970-01-01) inside hot loops. Pure integer arithmetic on the proleptic
 * Gregorian calendar (Howard Hinnant's days_from_civil / civil_from_days), so the same
 * answer as Temporal.PlainDate, without allocating one per call.
 */

/** "YYYY-MM-DD". */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return epochDayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - epochDayFromCivil(year, month, 1);
}

/** True for a real calendar date written "YYYY-MM-DD" ("2026-02-30" is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Epoch day of "YYYY-MM-DD"; throws on anything else. */
export function epochDayOfIsoDate(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return epochDayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function isoDateOfEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO weekday of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

export function addDaysToIsoDate(date: IsoDate, days: number): IsoDate {
  return isoDateOfEpochDay(epochDayOfIsoDate(date) + days);
}
