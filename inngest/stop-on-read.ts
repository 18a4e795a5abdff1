import { inngest } from "./client";
import { advanceNow, incidentEventData } from "./escalation-steps";

/**
 * A page was read. A policy that stops on read stops now (the verb sees the read, cancels the
 * pages not yet sent and marks the escalation stopped); any other policy is left as it is. The
 * incident's escalation run then finds it stopped when it wakes.
 */
export const stopOnRead = inngest.createFunction(
  { id: "stop-on-read", name: "Stop an escalation when a page is read (if its policy says so)", triggers: [{ event: "incident/read" }] },
  async ({ event, step }) => {
    const { incidentId } = incidentEventData.parse(event.data);
    const r = await step.run("advance", () => advanceNow(incidentId));
    return { incidentId, phase: r?.phase ?? null };
  },
);
