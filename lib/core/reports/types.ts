import type { Priority } from "../alerts/priority-rules";

/** Shapes the pure report functions share with lib/reports/types.ts (which re-uses them). */
export type DurationStats = { count: number; mean: number | null; median: number | null; p90: number | null };
export const INTERRUPTION_BANDS = ["business", "off_hours", "sleep"] as const;
export type InterruptionBand = (typeof INTERRUPTION_BANDS)[number];
export type SlaTarget = { acknowledgeMinutes: number | null; resolveMinutes: number | null };
/** Set on the client, per priority. */
export type SlaTargets = Partial<Record<Priority, SlaTarget>>;
