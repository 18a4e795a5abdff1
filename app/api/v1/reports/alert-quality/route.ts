import { contracts } from "@/lib/api/contracts";
import { alertQualityReport } from "@/lib/reports/alert-quality-report";
import { reportRoute } from "@/lib/reports/report-route";

export const GET = reportRoute("alert-quality", contracts.getAlertQualityReport, alertQualityReport);
