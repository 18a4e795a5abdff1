import { getDb } from "@/db/client";
import { dispatchNotifications } from "@/lib/escalations/dispatch-notifications";
import { inngest } from "./client";
import { now } from "./clock";

const BATCH = 50;
/** Sweeps per run, `SWEEP_GAP` apart: notifications go out within ~20 s of falling due. */
const SWEEPS = 3;
const SWEEP_GAP = "20s";

/** Sends every notification row due now, in batches (the same call the embedded driver's tick makes). */
export async function sweepDueNotifications(): Promise<{ sent: number; failed: number }> {
  const db = await getDb();
  let sent = 0;
  let failed = 0;
  for (let round = 0; round < 100; round++) {
    const s = await dispatchNotifications(db, now(), { limit: BATCH });
    sent += s.sent + s.reminded;
    failed += s.failed;
    if (s.sent + s.reminded + s.retried + s.failed + s.cancelled < BATCH) break;
  }
  return { sent, failed };
}

/**
 * Notification rows that fall due after their escalation step ran: a channel with a delay
 * ("email after 5 minutes"), a retry after a transient send failure, an until-read reminder.
 * They are rows with a future `due_at`, so a sweep of the table finds them, whoever wrote them;
 * no per-row timer lives in Inngest, so nothing can get out of step with the database (the
 * source of truth), and a page read or cancelled meanwhile is simply not due any more. One
 * cron run a minute sweeps three times, 20 s apart; overlapping sweeps are safe (rows are
 * claimed with SKIP LOCKED and a lease, and each send carries the row's idempotency key).
 * The escalation run still sends a step's first pages itself, at once.
 */
export const deliverNotifications = inngest.createFunction(
  { id: "deliver-notifications", name: "Send notifications that fall due (delays, retries, reminders)", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const totals = { sent: 0, failed: 0 };
    for (let i = 0; i < SWEEPS; i++) {
      if (i > 0) await step.sleep(`gap-${i}`, SWEEP_GAP);
      const s = await step.run(`sweep-${i}`, () => sweepDueNotifications());
      totals.sent += s.sent;
      totals.failed += s.failed;
    }
    return totals;
  },
);
