import type { AlertQualityReport, DeliveryReport, LoadReport, ReportCsvTable, ReportKind, ResponseReport, SerializedFilters } from "./types";

type Cell = string | number | boolean | null | undefined;
type Report = { response: ResponseReport; load: LoadReport; "alert-quality": AlertQualityReport; delivery: DeliveryReport };

/**
 * One cell of RFC 4180 CSV: quoted when it holds a comma, quote or line break (quotes doubled).
 * Text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe so a
 * spreadsheet does not run it as a formula; numbers are written as they are.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and one line per row, CRLF after every line. Nested objects become dotted columns (mtta.mean). */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  const flat = rows.map((r) => flatten(r));
  const header = columns ?? [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return [header, ...flat.map((r) => header.map((h) => r[h]))].map((line) => line.map(csvCell).join(",") + "\r\n").join("");
}

function flatten(value: object, prefix = "", out: Record<string, Cell> = {}): Record<string, Cell> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = Array.isArray(v) ? v.join(" ") : (v as Cell);
  }
  return out;
}

const STATS = { count: 0, mean: null, median: null, p90: null };
const QUALITY = { key: "", label: "", reviewed: 0, notReal: 0, couldHaveWaited: 0, wrongPerson: 0, notEnoughInformation: 0 };
/** A row of each table's shape, so an empty table still has its header. */
const SHAPES = {
  group: { key: "", label: "", incidents: 0, mtta: STATS, mttr: STATS, escalated: 0, failedOver: 0, unanswered: 0 },
  breach: { incidentId: null, number: null, title: null, clientId: "", clientName: "", priority: "", kind: "", targetMinutes: 0, tookMs: 0, triggeredAt: "" },
  person: { userId: "", name: "", timeZone: "", onCallHours: 0, notifications: 0, interruptions: { business: 0, off_hours: 0, sleep: 0, total: 0 }, acknowledged: 0, burden: 0, ledgerHours: 0, highlighted: false, teamId: "", teamName: "" },
  service: { ...QUALITY, incidents: 0, events: 0 },
  rule: { ...QUALITY, incidents: 0 },
} satisfies Record<string, object>;

/** The header of a table: its row shape's columns. */
export function reportTableColumns(kind: ReportKind, table: string): string[] {
  const shape = kind === "response" ? (table === "slaBreaches" ? SHAPES.breach : SHAPES.group) : kind === "load" ? SHAPES.person : kind === "alert-quality" ? (table === "services" ? SHAPES.service : SHAPES.rule) : null;
  return shape ? Object.keys(flatten(shape)) : ["channel", "total", "pending", "sent", "delivered", "read", "failed", ...Object.keys(flatten({ timeToRead: STATS }))];
}

/** The rows behind one of a report's tables (the same ones the page charts). */
export function reportTable<K extends ReportKind>(kind: K, report: Report[K], table: ReportCsvTable<K>): object[] {
  switch (kind) {
    case "response": {
      const r = report as ResponseReport;
      if (table === "totals") return [r.totals];
      if (table === "slaBreaches") return r.sla.breaches;
      return r[table as "byTeam" | "byClient" | "byService" | "byPriority" | "byWeek"];
    }
    case "load":
      return (report as LoadReport).people;
    case "alert-quality": {
      const r = report as AlertQualityReport;
      return table === "services" ? r.noisiestServices : r.noisiestRules;
    }
    default: {
      const r = report as DeliveryReport;
      return [...r.byChannel, r.totals];
    }
  }
}

/** baton-<report>-<table>-<from>-<to>.csv, the dates of the period's first and last day (UTC). */
export function csvFilename(kind: ReportKind, table: string, f: SerializedFilters): string {
  const lastDay = new Date(Date.parse(f.to) - 1).toISOString().slice(0, 10);
  return `baton-${kind}-${table}-${f.from.slice(0, 10)}-${lastDay}.csv`;
}
