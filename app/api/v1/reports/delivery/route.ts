import { contracts } from "@/lib/api/contracts";
import { deliveryReport } from "@/lib/reports/delivery-report";
import { reportRoute } from "@/lib/reports/report-route";

export const GET = reportRoute("delivery", contracts.getDeliveryReport, deliveryReport);
