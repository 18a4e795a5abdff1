/**
 * How the product states an instant in someone's zone, in one place: "24 Nov 2026, 09:14" (with
 * `seconds`, "24 Nov 2026, 09:14:05") and the clock alone, "09:14". Formatters are cached per
 * zone and style (building one is the expensive part).
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", options);
    cache.set(key, f);
  }
  return f;
}

/** "24 Nov 2026, 09:14" in `timeZone` (with `seconds`, "24 Nov 2026, 09:14:05"). */
export function formatDateTime(at: string | number | Date, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const timeStyle = opts.seconds ? "medium" : "short";
  return formatter(`dt|${timeZone}|${timeStyle}`, { dateStyle: "medium", timeStyle, timeZone }).format(new Date(at));
}

/** "09:14" in `timeZone` (with `seconds`, "09:14:05"), 24-hour. */
export function formatClock(at: string | number | Date, timeZone: string, opts: { seconds?: boolean } = {}): string {
  return formatter(`clock|${timeZone}|${opts.seconds ? "s" : "m"}`, { hour: "2-digit", minute: "2-digit", ...(opts.seconds ? { second: "2-digit" } : {}), hourCycle: "h23", timeZone }).format(new Date(at));
}
