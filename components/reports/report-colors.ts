/**
 * Chart colours and shapes, in a plain module: a server component reading them from the charts'
 * "use client" module would get a client reference, not the values.
 */
export type Series = { key: string; label: string; color: string };
export type ChartRow = { label: string } & Record<string, number | string | null>;

export const COLORS = {
  mtta: "#6366f1",
  mttr: "#0d9488",
  business: "#38bdf8",
  off_hours: "#f59e0b",
  sleep: "#4338ca",
  pending: "#cbd5e1",
  sent: "#7dd3fc",
  delivered: "#818cf8",
  read: "#10b981",
  failed: "#ef4444",
  share: "#6366f1",
} as const;
