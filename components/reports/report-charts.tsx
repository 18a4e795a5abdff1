"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatDurationMs, formatDurationTick, formatShare } from "./format";
import type { ChartRow, Series } from "./report-colors";

/**
 * The report charts. Each is a picture of a table printed right after it, so the SVG is hidden
 * from assistive tech (the figure is labelled and points at the table) and has no keyboard layer.
 */

type ValueKind = "duration" | "count" | "share";


const AXIS = { fontSize: 12, fill: "#475569" };
const GRID = "#e2e8f0";
const CATEGORY_MAX_CHARS = 18;
/** Room for the longest category name at 12 px (about 7 px a character) plus the tick's gap, so no name is clipped. */
const categoryAxisWidth = (longestChars: number) => Math.max(56, Math.min(CATEGORY_MAX_CHARS, longestChars) * 7 + 12);

const formatValue = (kind: ValueKind, v: unknown): string => {
  const n = typeof v === "number" ? v : null;
  if (kind === "duration") return formatDurationMs(n);
  if (kind === "share") return formatShare(n);
  return n === null ? "—" : formatCount(n);
};
const formatTick = (kind: ValueKind, v: number): string => (kind === "duration" ? formatDurationTick(v) : kind === "share" ? `${Math.round(v * 100)}%` : formatCount(v));

function Frame({ label, tableId, height, children }: { label: string; tableId?: string; height: number; children: React.ReactElement }) {
  return (
    <figure role="img" aria-label={label} aria-describedby={tableId} className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Legend names in the body text colour: a pale series colour (e.g. "pending") would be unreadable as text. */
const legendText = (value: unknown) => <span style={{ color: "#334155" }}>{String(value)}</span>;

const tooltipProps = (kind: ValueKind) => ({
  formatter: (value: unknown, name: unknown) => [formatValue(kind, value), String(name)] as [string, string],
  contentStyle: { borderRadius: 8, borderColor: "#e2e8f0", fontSize: 12, boxShadow: "0 4px 12px -2px rgb(15 23 42 / 0.08)" },
  labelStyle: { color: "#0f172a", fontWeight: 600 },
  cursor: { fill: "rgb(99 102 241 / 0.06)" },
});

/**
 * Over time (MTTA and MTTR week by week): lines, or columns while fewer than three weeks have
 * data, since a lone point on a line chart reads as nothing.
 */
export function TrendChart({ rows, series, kind = "duration", label, tableId }: { rows: ChartRow[]; series: Series[]; kind?: ValueKind; label: string; tableId?: string }) {
  const withData = rows.filter((r) => series.some((s) => typeof r[s.key] === "number")).length;
  const axes = (
    <>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={{ stroke: GRID }} minTickGap={12} />
      <YAxis tick={AXIS} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatTick(kind, v)} />
      <Legend align="left" iconType={withData < 3 ? "square" : "plainline"} wrapperStyle={{ fontSize: 12, paddingLeft: 8 }} formatter={legendText} itemSorter={null} />
    </>
  );
  return (
    <Frame label={label} tableId={tableId} height={280}>
      {withData < 3 ? (
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} barCategoryGap="28%" accessibilityLayer={false}>
          {axes}
          <Tooltip {...tooltipProps(kind)} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          {axes}
          <Tooltip {...tooltipProps(kind)} cursor={{ stroke: "#94a3b8", strokeDasharray: "3 3" }} />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2.5} dot={{ r: 3, strokeWidth: 0, fill: s.color }} activeDot={{ r: 5 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </Frame>
  );
}

/**
 * Horizontal bars, one row per category (clients, people, channels), grouped or stacked.
 * Category names sit on the left so long names stay readable on a phone.
 */
export function BarsChart({ rows, series, kind = "count", stacked = false, label, tableId, maxValue }: { rows: ChartRow[]; series: Series[]; kind?: ValueKind; stacked?: boolean; label: string; tableId?: string; maxValue?: number }) {
  const perRow = stacked || series.length === 1 ? 34 : 22 * series.length + 14;
  const height = Math.max(140, rows.length * perRow + (series.length > 1 ? 72 : 40));
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  return (
    <Frame label={label} tableId={tableId} height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={stacked ? "24%" : "18%"} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis type="number" tick={AXIS} tickLine={false} axisLine={{ stroke: GRID }} tickFormatter={(v: number) => formatTick(kind, v)} domain={maxValue !== undefined ? [0, maxValue] : [0, "auto"]} allowDecimals={kind !== "count"} />
        <YAxis type="category" dataKey="label" tick={AXIS} tickLine={false} axisLine={false} width={categoryAxisWidth(longest)} tickFormatter={(v: string) => (v.length > CATEGORY_MAX_CHARS ? `${v.slice(0, CATEGORY_MAX_CHARS - 1)}…` : v)} />
        <Tooltip {...tooltipProps(kind)} />
        {series.length > 1 && <Legend align="left" wrapperStyle={{ fontSize: 12, paddingLeft: 8 }} iconType="square" formatter={legendText} itemSorter={null} />}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} radius={stacked ? (i === series.length - 1 ? [0, 4, 4, 0] : 0) : [0, 4, 4, 0]} maxBarSize={28} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}
