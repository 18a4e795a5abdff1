/** "Mon 9 Mar, 09:00" in a zone: how deferrals and times read in the client's own clock. */
export function formatInZone(at: Date | string, timeZone: string, opts: { withDate?: boolean } = {}): string {
  const d = typeof at === "string" ? new Date(at) : at;
  const parts: Intl.DateTimeFormatOptions = { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone };
  if (opts.withDate !== false) Object.assign(parts, { day: "numeric", month: "short" });
  return new Intl.DateTimeFormat("en-GB", parts).format(d);
}

/** "waits until Mon 9 Mar, 09:00 (client time, America/New_York)". */
export function describeDeferral(until: Date | string, timeZone: string): string {
  return `waits until ${formatInZone(until, timeZone)} (client time, ${timeZone})`;
}
