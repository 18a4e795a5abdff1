import type { ReportCsvTable, ReportKind, SerializedFilters } from "@/lib/reports/types";

/** The report's filters as query parameters (only those set), in the API's names. */
export function filterParams(filters: SerializedFilters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  for (const key of ["teamId", "clientId", "serviceId", "priority"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** GET /api/v1/reports/<kind>?<filters>&format=csv&table=<table>: the same figures the page shows, as a file. */
export function reportCsvHref<K extends ReportKind>(kind: K, table: ReportCsvTable<K>, filters: SerializedFilters): string {
  const params = filterParams(filters);
  params.set("format", "csv");
  params.set("table", table);
  return `/api/v1/reports/${kind}?${params.toString()}`;
}
