/** Today's date in New York (the demo's zone and the browser's in these tests), as YYYY-MM-DD. */
function nyToday(): Date {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(`${today}T12:00:00Z`);
}

/** The date, in New York, of the Monday `weeksBack` weeks before this week's. */
export function mondayWeeksAgo(weeksBack: number): string {
  const d = nyToday();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * weeksBack);
  return d.toISOString().slice(0, 10);
}

/** The date in New York `days` from today. */
export function nyDatePlus(days: number): string {
  const d = nyToday();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
