import type { InngestFunction } from "inngest";
import { auditor } from "./auditor";
import { deliverNotifications } from "./deliver-notifications";
import { escalateIncident } from "./escalate-incident";
import { promoteDeferredIncident } from "./promote-deferred-incident";
import { shiftReminders } from "./shift-reminders";
import { stopOnRead } from "./stop-on-read";

/** Every durable function Baton serves at /api/inngest (one file each in this folder). */
export const functions: InngestFunction.Any[] = [escalateIncident, promoteDeferredIncident, deliverNotifications, stopOnRead, shiftReminders, auditor];
