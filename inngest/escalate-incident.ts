import { inngest } from "./client";
import { advanceNow, cursorTag, incidentEventData, isRunning, sendNow, startNow, stepIdFor, type Advanced } from "./escalation-steps";
import { promoteDeferredIncident } from "./promote-deferred-incident";

/** Far more than any policy needs (20 levels × 10 passes + failover); a guard against a loop that never ends. */
const MAX_ROUNDS = 250;

/**
 * One durable run per incident (the `incident/triggered` event id is `incident-triggered-<id>`, so
 * a re-sent event starts nothing twice). Each round: advance the escalation (`notify-l{level}-r{repeat}`
 * or `failover`, named after the cursor it is due to reach), send the pages due now
 * (`send-l{level}-r{repeat}`, named after the cursor reached), sleep until the next step is due
 * (`wait-l{level}-r{repeat}`). Acknowledging or resolving cancels the run between steps; the verbs
 * re-read the incident under a row lock anyway, so a run that is mid-step when the ack lands
 * writes and sends nothing after it. Concurrency is keyed by service: one noisy service cannot
 * starve the others' pages.
 *
 * Pages that fall due later (a channel with a delay, a send retry, an until-read reminder) are
 * rows with a future `due_at`: `deliver-notifications` sweeps them, as the embedded driver does.
 */
export const escalateIncident = inngest.createFunction(
  {
    id: "escalate-incident",
    name: "Escalate an incident",
    triggers: [{ event: "incident/triggered" }],
    cancelOn: [
      { event: "incident/acknowledged", match: "data.incidentId" },
      { event: "incident/resolved", match: "data.incidentId" },
    ],
    concurrency: [{ key: "event.data.serviceId", limit: 5 }],
  },
  async ({ event, step }) => {
    const { incidentId } = incidentEventData.parse(event.data);
    const start = await step.run("start", () => startNow(incidentId));
    if (!start || !start.next) return { incidentId, phase: start?.phase ?? null, rounds: 0 };

    const used = new Set<string>();
    /** Step ids stay unique even if a round reaches no new cursor (a sleep woke before the DB's due time). */
    const unique = (id: string) => {
      let out = id;
      for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
      used.add(out);
      return out;
    };

    let r: Advanced | null;
    if (start.phase === "deferred") {
      // Sleeps until the business-hours instant, promotes, pages the first level and sends those pages.
      r = await step.invoke("promote-deferred", { function: promoteDeferredIncident, data: { incidentId, serviceId: start.serviceId } });
    } else {
      r = await step.run(unique(stepIdFor(start.next)), () => advanceNow(incidentId));
    }
    let rounds = 1;
    for (; r && rounds <= MAX_ROUNDS; rounds++) {
      const tag = r.phase === "failed_over" ? "failover" : r.cursor ? cursorTag(r.cursor) : "start";
      if (r.dueNotificationIds.length) {
        const ids = r.dueNotificationIds;
        await step.run(unique(`send-${tag}`), () => sendNow(ids));
      }
      if (!isRunning(r.phase) || !r.next || !r.nextDueAt) break;
      await step.sleepUntil(unique(`wait-${tag}`), r.nextDueAt);
      r = await step.run(unique(stepIdFor(r.next)), () => advanceNow(incidentId));
    }
    return { incidentId, phase: r?.phase ?? null, rounds };
  },
);
