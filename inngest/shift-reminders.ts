import { getDb } from "@/db/client";
import { sendShiftReminders } from "@/lib/escalations/shift-reminders";
import { inngest } from "./client";
import { now } from "./clock";

/**
 * Handoff reminders under Inngest (the embedded driver calls the same verb from its tick, at most
 * once a minute): "your shift starts within the hour" and the Monday-morning weekly digest. Every
 * 5 minutes is enough here (a reminder arrives 55–60 minutes ahead; the digest in the first minutes
 * after 08:00 local) and spares reading every schedule each minute. The verb records each send in
 * `shift_reminders`, so overlapping or retried runs send nothing twice.
 */
export const shiftReminders = inngest.createFunction(
  { id: "shift-reminders", name: "Handoff reminders and weekly digest", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("send-reminders", async () => sendShiftReminders(await getDb(), now())),
);
