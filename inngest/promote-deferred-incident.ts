import { invoke } from "inngest";
import { inngest } from "./client";
import { advanceNow, cursorTag, incidentEventData, sendNow, startNow, stepIdFor, type Advanced } from "./escalation-steps";

/**
 * A medium/low incident that arrived outside its client's business hours: sleeps until the
 * business-hours instant stored on its escalation, then advances it (the verb promotes the
 * incident and pages the first level) and sends the pages due now. Invoked by `escalate-incident`,
 * which carries on from the result; stops with it when the incident is acknowledged or resolved
 * meanwhile. The instant is read from the database, not the event: the DB is the source of truth.
 */
export const promoteDeferredIncident = inngest.createFunction(
  {
    id: "promote-deferred-incident",
    name: "Promote a deferred incident at business hours",
    triggers: [invoke(incidentEventData)],
    cancelOn: [
      { event: "incident/acknowledged", match: "data.incidentId" },
      { event: "incident/resolved", match: "data.incidentId" },
    ],
  },
  async ({ event, step }): Promise<Advanced | null> => {
    const { incidentId } = incidentEventData.parse(event.data);
    const start = await step.run("read-deferral", () => startNow(incidentId));
    if (!start || !start.next) return null;
    if (start.phase === "deferred" && start.nextDueAt) await step.sleepUntil("wait-business-hours", start.nextDueAt);
    const r = await step.run(stepIdFor(start.next), () => advanceNow(incidentId));
    if (!r) return null;
    if (r.dueNotificationIds.length) {
      const ids = r.dueNotificationIds;
      await step.run(`send-${r.phase === "failed_over" ? "failover" : r.cursor ? cursorTag(r.cursor) : "start"}`, () => sendNow(ids));
    }
    // Sent here: the caller must not send them again.
    return { ...r, dueNotificationIds: [] };
  },
);
