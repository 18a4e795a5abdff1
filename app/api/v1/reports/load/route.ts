import { contracts } from "@/lib/api/contracts";
import { loadReport } from "@/lib/reports/load-report";
import { reportRoute } from "@/lib/reports/report-route";

export const GET = reportRoute("load", contracts.getLoadReport, loadReport);
