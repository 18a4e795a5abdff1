import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { incidentEscalations, incidents, notifications, pushSubscriptions } from "@/db/schema";
import { applyStep, channelsFor, decide, nextCursor, type Cursor, type EscalationState, type PolicySnapshot, type Step } from "@/lib/core/escalation";
import { loadPreferences } from "./preferences";
import { failoverRecipients, resolveTargets } from "./resolve-targets";
import { systemTimeline } from "./timeline";

export type AdvanceResult = {
  incidentId: string;
  /** The steps carried out in this call (notify, failover, stop), in order. */
  steps: Step["kind"][];
  phase: EscalationState["phase"];
  /** The last level notified (null before the first): durable workflows name their steps after it. */
  cursor: Cursor | null;
  /** What the step due at `nextDueAt` will do: notify this cursor, or fail over; null when the escalation is over. */
  next: Cursor | "failover" | null;
  /** When the next step is due, or null when the escalation is over. */
  nextDueAt: Date | null;
  /** Notification rows due now (the caller sends them: the drivers call `dispatchNotifications`). */
  dueNotificationIds: string[];
};

/** Enough for any policy: MAX_LEVELS × (MAX_REPEAT + 1) zero-minute levels, a failover and a stop. */
const MAX_STEPS_PER_CALL = 20 * 10 + 2;

const CHANNEL_WORDS = { in_app: "in-app alarm", email: "email", push: "push" } as const;

/**
 * Advances one incident's escalation as far as is due at `now`, in one transaction: locks the
 * escalation row (with `skipLocked`, a row another server is advancing is left to it and null is
 * returned), locks and re-reads the incident, asks the state machine, writes the notification rows
 * (unique per incident, level, repeat, recipient and channel: a replay writes nothing twice), the
 * timeline and the next due instant. A level that reaches nobody is written on the timeline and
 * the escalation moves on at once. Idempotent: calling it again before the next due instant does
 * nothing.
 */
export async function advanceEscalation(db: Database, incidentId: string, now: Date, opts: { skipLocked?: boolean } = {}): Promise<AdvanceResult | null> {
  return db.transaction(async (tx) => {
    const q = tx.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, incidentId));
    const [esc] = await (opts.skipLocked ? q.for("update", { skipLocked: true }) : q.for("update"));
    if (!esc) return null;
    const [inc] = await tx
      .select({ id: incidents.id, title: incidents.title, status: incidents.status, teamId: incidents.teamId, firstReadAt: incidents.firstReadAt })
      .from(incidents)
      .where(eq(incidents.id, incidentId))
      .for("update");
    if (!inc) return null;
    const policy = esc.policy;
    let state: EscalationState = { phase: esc.phase, cursor: esc.level === null || esc.repeat === null ? null : { level: esc.level, repeat: esc.repeat }, nextDueAt: esc.nextDueAt?.getTime() ?? null };
    const facts = { status: inc.status, readAt: inc.firstReadAt?.getTime() ?? null };
    const steps: Step["kind"][] = [];
    let stopReason: string | null = esc.stopReason;
    for (let i = 0; i < MAX_STEPS_PER_CALL; i++) {
      const step = decide(policy, state, facts, now.getTime());
      if (step.kind === "wait" || step.kind === "done") break;
      steps.push(step.kind);
      if (step.kind === "stop") {
        stopReason = step.reason;
        // Pages not yet sent are no longer needed.
        await tx
          .update(notifications)
          .set({ state: "cancelled", dueAt: null, claimedUntil: null })
          .where(and(eq(notifications.incidentId, incidentId), eq(notifications.state, "pending"), eq(notifications.kind, "page")));
        if (step.reason === "read") await systemTimeline(tx, incidentId, now, "escalation", "Escalation stopped: a page was read (this policy stops on read)");
        state = applyStep(state, step);
        break;
      }
      if (step.promote) {
        await tx.update(incidents).set({ promotedAt: now, updatedAt: now }).where(and(eq(incidents.id, incidentId), isNull(incidents.promotedAt)));
        await systemTimeline(tx, incidentId, now, "promoted", "Business hours began: promoted, escalation starts");
      }
      if (step.kind === "failover") {
        await failOver(tx, { id: inc.id, teamId: inc.teamId }, policy, now);
        state = applyStep(state, step);
        break;
      }
      const level = policy!.levels[step.cursor.level]!;
      const { recipients, empty } = await resolveTargets(tx, level.targets, now);
      const where = `level ${step.cursor.level + 1}${policy!.repeat ? `, pass ${step.cursor.repeat + 1} of ${policy!.repeat + 1}` : ""}`;
      if (step.repeatStarts) await systemTimeline(tx, incidentId, now, "repeated", `Nobody answered: the policy starts again (${where})`);
      else if (step.cursor.level > 0) await systemTimeline(tx, incidentId, now, "escalated", `Escalated to ${where}`);
      for (const e of empty) await systemTimeline(tx, incidentId, now, "nobody_on_call", `${capitalise(e)} (${where})`, { level: step.cursor.level, repeat: step.cursor.repeat });
      if (recipients.length === 0) {
        // Never silent, never stuck: written down, and the next step is due at once.
        state = applyStep(state, { ...step, nextDueAt: now.getTime() });
        continue;
      }
      const prefs = await loadPreferences(tx, recipients.map((r) => r.userId));
      const withPush = new Set(
        (await tx.selectDistinct({ userId: pushSubscriptions.userId }).from(pushSubscriptions).where(inArray(pushSubscriptions.userId, recipients.map((r) => r.userId)))).map((p) => p.userId),
      );
      // Push only to people with a subscribed device.
      const channelsOf = (userId: string) => channelsFor(prefs.get(userId)!, now.getTime()).filter((c) => c.channel !== "push" || withPush.has(userId));
      const rows = recipients.flatMap((r) =>
        channelsOf(r.userId).map((c) => ({
          incidentId,
          kind: "page" as const,
          level: step.cursor.level,
          repeat: step.cursor.repeat,
          recipient: r.userId,
          userId: r.userId,
          channel: c.channel,
          state: "pending" as const,
          dueAt: new Date(c.dueAt),
          createdAt: now,
        })),
      );
      await tx.insert(notifications).values(rows).onConflictDoNothing();
      for (const r of recipients) {
        const channels = channelsOf(r.userId).map((c) => CHANNEL_WORDS[c.channel]);
        await systemTimeline(tx, incidentId, now, "notified", `Paging ${r.name} (${r.via}) by ${channels.join(", ")}`, { userId: r.userId, level: step.cursor.level, repeat: step.cursor.repeat, via: r.via });
      }
      state = applyStep(state, step);
    }
    if (steps.length) {
      await tx
        .update(incidentEscalations)
        .set({
          phase: state.phase,
          level: state.cursor?.level ?? null,
          repeat: state.cursor?.repeat ?? null,
          nextDueAt: state.nextDueAt === null ? null : new Date(state.nextDueAt),
          stopReason,
          steps: sql`${incidentEscalations.steps} + ${steps.length}`,
          updatedAt: now,
        })
        .where(eq(incidentEscalations.incidentId, incidentId));
    }
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.incidentId, incidentId), inArray(notifications.state, ["pending"]), lte(notifications.dueAt, now)));
    const over = state.phase === "stopped" || state.phase === "failed_over" || state.nextDueAt === null;
    const next = over ? null : ((policy ? nextCursor(policy, state.cursor) : null) ?? "failover");
    return { incidentId, steps, phase: state.phase, cursor: state.cursor, next, nextDueAt: state.nextDueAt === null ? null : new Date(state.nextDueAt), dueNotificationIds: due.map((d) => d.id) };
  });
}

/** Nobody answered: the incident is marked unanswered and each failover contact gets the report by email. */
async function failOver(tx: Queryable, inc: { id: string; teamId: string }, policy: PolicySnapshot | null, now: Date): Promise<void> {
  const failover = policy?.failover ?? { leads: true, userIds: [], emails: [] };
  const to = await failoverRecipients(tx, inc.teamId, failover);
  await tx.update(incidents).set({ unansweredAt: now, updatedAt: now }).where(and(eq(incidents.id, inc.id), isNull(incidents.unansweredAt)));
  if (to.length) {
    await tx
      .insert(notifications)
      .values(to.map((r) => ({ incidentId: inc.id, kind: "failover" as const, level: -1, repeat: -1, recipient: r.userId ?? `mailto:${r.email.toLowerCase()}`, userId: r.userId, email: r.userId ? null : r.email, channel: "email" as const, state: "pending" as const, dueAt: now, createdAt: now })))
      .onConflictDoNothing();
  }
  await systemTimeline(
    tx,
    inc.id,
    now,
    "failed_over",
    to.length
      ? `Nobody answered${policy ? "" : " (no escalation policy)"}: marked unanswered; failover email to ${to.map((r) => r.name).join(", ")}`
      : `Nobody answered${policy ? "" : " (no escalation policy)"}: marked unanswered; there are no failover contacts to email`,
    { recipients: to.map((r) => r.email) },
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
