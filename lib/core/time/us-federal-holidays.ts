import { epochDayFromCivil, isoDateOfEpochDay, weekdayOfEpochDay, type IsoDate } from "./civil-date";

/** The `n`-th (1-based; −1 for the last) ISO weekday (1 = Monday) of a month, as an epoch day. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = epochDayFromCivil(year, month, 1);
    return first + ((weekday - weekdayOfEpochDay(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = epochDayFromCivil(year, month + 1, 1) - 1;
  return last - ((weekdayOfEpochDay(last) - weekday + 7) % 7);
}

/** A fixed-date holiday as observed: Saturday → the Friday before, Sunday → the Monday after (named so). */
function fixed(year: number, month: number, day: number, name: string): [number, string] {
  const date = epochDayFromCivil(year, month, day);
  const weekday = weekdayOfEpochDay(date);
  if (weekday === 6) return [date - 1, `${name} (observed)`];
  if (weekday === 7) return [date + 1, `${name} (observed)`];
  return [date, name];
}

/**
 * The eleven US federal holidays of `year` as observed (5 U.S.C. 6103), in date order: what a US
 * client's or team's holiday calendar starts from (the demo data uses it for this year and next).
 * New Year's Day on a Saturday is observed on the 31st of December before, which it then lists.
 */
export function usFederalHolidays(year: number): { date: IsoDate; name: string }[] {
  const days: [number, string][] = [
    fixed(year, 1, 1, "New Year's Day"),
    [nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day"],
    [nthWeekday(year, 2, 1, 3), "Presidents' Day"],
    [nthWeekday(year, 5, 1, -1), "Memorial Day"],
    fixed(year, 6, 19, "Juneteenth"),
    fixed(year, 7, 4, "Independence Day"),
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 10, 1, 2), "Columbus Day"],
    fixed(year, 11, 11, "Veterans Day"),
    [nthWeekday(year, 11, 4, 4), "Thanksgiving Day"],
    fixed(year, 12, 25, "Christmas Day"),
  ];
  return days.map(([day, name]) => ({ date: isoDateOfEpochDay(day), name }));
}
