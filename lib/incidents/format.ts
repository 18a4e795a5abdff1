import { zoneAbbreviation } from "@/lib/core/time";

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

/**
 * "2026-11-23 09:14 EST" in a zone (with `named: false`, without the zone's abbreviation): how a
 * document — a post-mortem, its print — states times for the reader. Null is "—".
 */
export function formatStamp(iso: string | Date | null, timeZone: string, { named = true }: { named?: boolean } = {}): string {
  if (!iso) return "—";
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  const local = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return named ? `${local} ${zoneAbbreviation(at, timeZone)}` : local;
}
