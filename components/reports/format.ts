/** Report figures for people: durations in words, shares as percentages, "—" for no data. */

const NONE = "—";

// One formatter each, made once: Number#toLocaleString("en-US") builds a new Intl.NumberFormat on
// every call (~30 µs), and a report page formats hundreds of figures.
const COUNT = new Intl.NumberFormat("en-US");
const DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const WEEK = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "42 s", "4 min 12 s", "2 h 5 min", "3 d 4 h": two units at most, seconds only under an hour. */
export function formatDurationMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NONE;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${s / 60} min`;
  }
  const m = Math.round(s / 60);
  if (m < 1440) {
    const rest = m % 60;
    return rest ? `${Math.floor(m / 60)} h ${rest} min` : `${m / 60} h`;
  }
  const h = Math.round(m / 60);
  const rest = h % 24;
  return rest ? `${Math.floor(h / 24)} d ${rest} h` : `${h / 24} d`;
}

/** Axis ticks: one unit, at most one decimal ("1.5 s", "12 min", "3.5 h", "2 d"). */
export function formatDurationTick(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return "0";
  const [unit, size] = ms < 60_000 ? ["s", 1000] : ms < 3_600_000 ? ["min", 60_000] : ms < 86_400_000 ? ["h", 3_600_000] : ["d", 86_400_000];
  return `${formatDecimal(ms / (size as number))} ${unit}`;
}

/** 0.125 → "12.5%"; null → "—". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NONE;
  return `${COUNT.format(Math.round(share * 1000) / 10)}%`;
}

/** part of whole as a share, null when whole is 0. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const formatCount = (n: number): string => COUNT.format(n);

/** One decimal at most ("12.5", "3"). */
export const formatDecimal = (n: number): string => DECIMAL.format(Math.round(n * 10) / 10);

/** "Mar 2" from a YYYY-MM-DD week key (a calendar date, so read in UTC). */
export function formatWeekLabel(isoDate: string): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDate;
  return WEEK.format(at);
}

/**
 * The Unanswered tile's line. Unanswered incidents are the failed-over ones (the policy ran out)
 * that nobody acknowledged, so the line says how many failed over and how many of those were
 * acknowledged late: "of 3 failed over, 1 acknowledged late".
 */
export function unansweredDetail({ failedOver, unanswered }: { failedOver: number; unanswered: number }): string {
  if (failedOver === 0) return "no policy ran out";
  const late = failedOver - unanswered;
  return `of ${COUNT.format(failedOver)} failed over${late > 0 ? `, ${COUNT.format(late)} acknowledged late` : ""}`;
}

export const PRIORITY_LABELS = { high: "High", medium: "Medium", low: "Low" } as const;
