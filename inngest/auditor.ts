import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { incidentEscalations, incidents } from "@/db/schema";
import { advanceEscalation } from "@/lib/escalations/advance-escalation";
import { dispatchNotifications } from "@/lib/escalations/dispatch-notifications";
import { startEscalation } from "@/lib/escalations/start-escalation";
import { checkHeartbeats } from "@/lib/heartbeats/check-heartbeats";
import { runPostmortemChores } from "@/lib/postmortems/run-postmortem-chores";
import { inngest } from "./client";
import { now } from "./clock";

/** An escalation step this late means its run died (or Inngest is down): drive it from here. */
export const OVERDUE_MS = 2 * 60_000;
/** A triggered incident this old without an escalation row: its starter crashed before it wrote one. */
export const ORPHAN_MS = 60_000;
const BATCH = 100;

export type Stalled = { orphans: { incidentId: string; serviceId: string }[]; overdue: string[] };

/** Triggered incidents with no escalation, and escalations whose next step is overdue by more than two minutes. */
export async function findStalled(at: Date): Promise<Stalled> {
  const db = await getDb();
  const orphans = await db
    .select({ incidentId: incidents.id, serviceId: incidents.serviceId })
    .from(incidents)
    .where(
      and(
        eq(incidents.status, "triggered"),
        isNull(incidents.unansweredAt),
        lt(incidents.triggeredAt, new Date(at.getTime() - ORPHAN_MS)),
        sql`not exists (select 1 from incident_escalations e where e.incident_id = ${incidents.id})`,
      ),
    )
    .limit(BATCH);
  const overdue = await db
    .select({ id: incidentEscalations.incidentId })
    .from(incidentEscalations)
    .where(and(inArray(incidentEscalations.phase, ["deferred", "active"]), lt(incidentEscalations.nextDueAt, new Date(at.getTime() - OVERDUE_MS))))
    .limit(BATCH);
  return { orphans, overdue: overdue.map((o) => o.id) };
}

/** Starts the orphans' escalations (idempotent); returns those that page. */
export async function startOrphans(orphans: Stalled["orphans"]): Promise<Stalled["orphans"]> {
  const db = await getDb();
  const out: Stalled["orphans"] = [];
  for (const o of orphans) if (await startEscalation(db, o.incidentId, now())) out.push(o);
  return out;
}

/** Does the overdue steps with the verbs directly and sends what fell due; returns how many moved. */
export async function redriveOverdue(incidentIds: string[]): Promise<{ advanced: number; sent: number }> {
  const db = await getDb();
  let advanced = 0;
  let sent = 0;
  for (const id of incidentIds) {
    const at = now();
    const r = await advanceEscalation(db, id, at, { skipLocked: true });
    if (!r) continue;
    if (r.steps.length) advanced++;
    if (r.dueNotificationIds.length) {
      const s = await dispatchNotifications(db, at, { ids: r.dueNotificationIds });
      sent += s.sent;
    }
  }
  return { advanced, sent };
}

/**
 * The safety net, every minute. Inngest runs the escalations, but the database is the source of
 * truth: an incident with no escalation row (its starter crashed before the event went out) is
 * started and its `incident/triggered` sent (same event id as the original: if one did go out,
 * nothing runs twice); an escalation whose next step is more than two minutes overdue (its run
 * failed, or was lost) is advanced here with the same idempotent verbs, so it keeps paging, if
 * late, until someone answers. Also runs the heartbeat checks, which the embedded ticker does
 * only under the embedded driver.
 */
export const auditor = inngest.createFunction(
  { id: "auditor", name: "Audit escalations and heartbeats", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const heartbeats = await step.run("check-heartbeats", async () => {
      const { down } = await checkHeartbeats({ db: await getDb(), meta: { ip: null, requestId: `auditor-${crypto.randomUUID()}` }, now: now() });
      return { down: down.length };
    });
    const stalled = await step.run("find-stalled", async () => findStalled(now()));
    let restarted = 0;
    if (stalled.orphans.length) {
      const started = await step.run("start-orphans", () => startOrphans(stalled.orphans));
      if (started.length) {
        await step.sendEvent(
          "resend-triggered",
          started.map((o) => ({ name: "incident/triggered", id: `incident-triggered-${o.incidentId}`, data: { incidentId: o.incidentId, serviceId: o.serviceId } })),
        );
        restarted = started.length;
      }
    }
    const redriven = stalled.overdue.length ? await step.run("redrive-overdue", () => redriveOverdue(stalled.overdue)) : { advanced: 0, sent: 0 };
    // Drafts for incidents resolved without the resolve verb (an integration's resolve event), meeting reminders.
    const postmortems = await step.run("postmortem-chores", async () => runPostmortemChores(await getDb(), now()));
    return { heartbeatsDown: heartbeats.down, orphansStarted: restarted, overdue: stalled.overdue.length, ...redriven, postmortemDrafts: postmortems.drafts };
  },
);
