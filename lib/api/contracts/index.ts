import type { ApiContract } from "@/lib/http/api-route";
import { alarmContracts } from "./alarms";
import { alertContracts } from "./alerts";
import { directoryContracts } from "./directory";
import { scheduleContracts } from "./schedules";

/** Every REST v1 endpoint. Route handlers take their contract from here; so does /api/v1/openapi.json. */
export const contracts = {
  ...directoryContracts,
  ...scheduleContracts,
  ...alertContracts,
  ...alarmContracts,
} as const satisfies Record<string, ApiContract>;
