import { contracts } from "@/lib/api/contracts";
import { reportRoute } from "@/lib/reports/report-route";
import { responseReport } from "@/lib/reports/response-report";

export const GET = reportRoute("response", contracts.getResponseReport, responseReport);
