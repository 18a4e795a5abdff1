import type { ApiContract } from "@/lib/http/api-route";
import { alarmContracts } from "./alarms";
import { alertContracts } from "./alerts";
import { communicationsContracts } from "./communications";
import { directoryContracts } from "./directory";
import { escalationPolicyContracts } from "./escalation-policies";
import { postmortemContracts } from "./postmortems";
import { pushContracts } from "./push";
import { reportContracts } from "./reports";
import { scheduleContracts } from "./schedules";
import { workspaceContracts } from "./workspace";

/** Every REST v1 endpoint. Route handlers take their contract from here; so does /api/v1/openapi.json. */
export const contracts = {
  ...directoryContracts,
  ...scheduleContracts,
  ...alertContracts,
  ...alarmContracts,
  ...pushContracts,
  ...escalationPolicyContracts,
  ...postmortemContracts,
  ...communicationsContracts,
  ...workspaceContracts,
  ...reportContracts,
} as const satisfies Record<string, ApiContract>;
