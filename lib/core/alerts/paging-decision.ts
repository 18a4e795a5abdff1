import { nextBusinessHoursStart, type BusinessHours } from "../business-hours";
import type { Priority } from "./priority-rules";

/** What a client wants done with low-priority alerts. */
export const LOW_PRIORITY_MODES = ["page", "record"] as const;
export type LowPriorityMode = (typeof LOW_PRIORITY_MODES)[number];

export type PagingContext = {
  priority: Priority;
  at: Date;
  businessHours: BusinessHours;
  holidays: readonly string[];
  timeZone: string;
  lowPriority: LowPriorityMode;
  inMaintenance: boolean;
};

export type PagingDecision =
  | { kind: "page"; reason: "high" | "business_hours" | "no_business_hours" }
  | { kind: "defer"; until: Date }
  | { kind: "record"; reason: "maintenance" | "low_record_only" };

/**
 * Whether a new alert pages now, waits for the client's next business-hours start, or is only
 * recorded. High always pages; medium and low page inside business hours and are deferred
 * outside them; a client may record low alerts without ever paging; maintenance pages nobody.
 * A client with no business hours at all never defers (nothing to wait for).
 */
export function decidePaging(c: PagingContext): PagingDecision {
  if (c.inMaintenance) return { kind: "record", reason: "maintenance" };
  if (c.priority === "high") return { kind: "page", reason: "high" };
  if (c.priority === "low" && c.lowPriority === "record") return { kind: "record", reason: "low_record_only" };
  const next = nextBusinessHoursStart(c.businessHours, c.holidays, c.timeZone, c.at);
  if (next === null) return { kind: "page", reason: "no_business_hours" };
  if (next.getTime() <= c.at.getTime()) return { kind: "page", reason: "business_hours" };
  return { kind: "defer", until: next };
}
