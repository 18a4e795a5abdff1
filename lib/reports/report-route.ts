import type { NextRequest } from "next/server";
import type { Ctx } from "@/lib/context";
import { apiRoute, type ApiContract } from "@/lib/http/api-route";
import { csvFilename, reportTable, reportTableColumns, toCsv } from "./csv";
import type { ReportCsvTable, ReportKind, SerializedFilters } from "./types";

type Verb<R> = (args: { ctx: Ctx; input: unknown }) => Promise<R>;

/**
 * GET /api/v1/reports/<kind>: the report as `{ data }`, or with `format=csv&table=<name>` that one
 * table as an RFC 4180 attachment. The verb checks access and parses the filters itself.
 */
export function reportRoute<K extends ReportKind, R extends { filters: SerializedFilters }>(kind: K, contract: ApiContract, verb: Verb<R>) {
  return apiRoute(contract, async (ctx, _parsed, req: NextRequest) => {
    const query = Object.fromEntries(req.nextUrl.searchParams);
    const { format, table, ...input } = query;
    const report = await verb({ ctx, input });
    if (format !== "csv" || !table) return { data: report };
    const t = table as ReportCsvTable<K>;
    const body = toCsv(reportTable(kind, report as never, t), reportTableColumns(kind, t));
    return new Response(body, {
      status: 200,
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${csvFilename(kind, t, report.filters)}"`, "cache-control": "private, no-store" },
    });
  });
}
