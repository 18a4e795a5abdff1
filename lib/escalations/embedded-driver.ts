import { and, asc, inArray, isNull, lte, min, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidentEscalations, incidents, notifications } from "@/db/schema";
import { advanceEscalation } from "./advance-escalation";
import { dispatchNotifications } from "./dispatch-notifications";
import { sendShiftReminders } from "./shift-reminders";
import { setEmbeddedWaker } from "./signals";
import { startEscalation } from "./start-escalation";
import { runPostmortemChores } from "@/lib/postmortems/run-postmortem-chores";

/** How long a triggered incident may sit without an escalation before a tick starts one (its starter crashed). */
const ORPHAN_AFTER_MS = 10_000;
const BATCH = 50;

export type TickSummary = { advanced: number; steps: number; sent: number; failed: number; started: number; reminders: number };

/** The minute (epoch ms / 60 000) the handoff reminders last ran in: they run at most once a minute, whatever the tick interval. */
let remindersMinute: number | null = null;

/**
 * One pass of the embedded driver: advance every escalation that is due (each in its own
 * transaction, `SKIP LOCKED`, so several servers on one PostgreSQL share the work and never do a
 * step twice), send the notifications that are due, and start any triggered incident that has no
 * escalation yet. The same verbs the Inngest functions call.
 */
export async function runTick(db: Database, now: Date): Promise<TickSummary> {
  const summary: TickSummary = { advanced: 0, steps: 0, sent: 0, failed: 0, started: 0, reminders: 0 };
  const orphans = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(sql`${incidents.status} = 'triggered'`, isNull(incidents.unansweredAt), lte(incidents.triggeredAt, new Date(now.getTime() - ORPHAN_AFTER_MS)), sql`not exists (select 1 from incident_escalations e where e.incident_id = ${incidents.id})`))
    .limit(BATCH);
  for (const o of orphans) if ((await startEscalation(db, o.id, now))?.started) summary.started++;

  for (;;) {
    const due = await db
      .select({ id: incidentEscalations.incidentId })
      .from(incidentEscalations)
      .where(and(inArray(incidentEscalations.phase, ["deferred", "active"]), lte(incidentEscalations.nextDueAt, now)))
      .orderBy(asc(incidentEscalations.nextDueAt))
      .limit(BATCH);
    let progressed = 0;
    for (const d of due) {
      const r = await advanceEscalation(db, d.id, now, { skipLocked: true });
      if (r && r.steps.length) {
        summary.advanced++;
        summary.steps += r.steps.length;
        progressed++;
      }
    }
    if (due.length < BATCH || progressed === 0) break;
  }
  for (;;) {
    const s = await dispatchNotifications(db, now, { limit: BATCH });
    const n = s.sent + s.reminded + s.retried + s.failed + s.cancelled;
    summary.sent += s.sent + s.reminded;
    summary.failed += s.failed;
    if (n < BATCH) break;
  }
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== remindersMinute) {
    remindersMinute = minute;
    try {
      const r = await sendShiftReminders(db, now);
      summary.reminders = r.startsSoon + r.digests;
    } catch (e) {
      // Reminders never hold up paging.
      console.error("[shift-reminders] pass failed", e);
    }
    try {
      await runPostmortemChores(db, now);
    } catch (e) {
      console.error("[postmortems] drafts/reminders pass failed", e);
    }
  }
  return summary;
}

/** The earliest instant something falls due (an escalation step or a send), so the driver can wake for it. */
export async function nextDueInstant(db: Database): Promise<Date | null> {
  const [e] = await db.select({ at: min(incidentEscalations.nextDueAt) }).from(incidentEscalations).where(inArray(incidentEscalations.phase, ["deferred", "active"]));
  const [n] = await db.select({ at: min(notifications.dueAt) }).from(notifications).where(inArray(notifications.state, ["pending", "sent", "delivered"]));
  const times = [e?.at, n?.at].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

const KEY = Symbol.for("baton.escalation-driver");

/**
 * Starts the embedded driver in this process: a tick every ESCALATION_TICK_MS, at once when
 * something is signalled (a new incident), and at the instant the next step or send falls due
 * when that comes sooner (so a due escalation fires on time, not up to a tick late). Ticks never
 * overlap; one asked for during a tick runs right after it.
 */
export function startEmbeddedDriver(getDb: () => Promise<Database>, intervalMs: number, clock: () => Date = () => new Date(), onTick?: (summary: TickSummary) => void): () => void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return g[KEY] as () => void;
  let running = false;
  let again = false;
  let stopped = false;
  let wake: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const db = await getDb();
      do {
        again = false;
        const summary = await runTick(db, clock());
        onTick?.(summary);
      } while (again && !stopped);
      const due = await nextDueInstant(db);
      const ms = due ? due.getTime() - clock().getTime() : Infinity;
      if (!stopped && ms < intervalMs) {
        clearTimeout(wake);
        // Already due after this tick means another server holds it: look again shortly, don't spin.
        wake = setTimeout(() => void tick(), ms > 0 ? ms + 5 : 250);
        wake.unref();
      }
    } catch (e) {
      console.error("[escalations] tick failed", e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setEmbeddedWaker(() => void tick());
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(wake);
    setEmbeddedWaker(undefined);
    g[KEY] = undefined;
  };
  g[KEY] = stop;
  void tick();
  return stop;
}
