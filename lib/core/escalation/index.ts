/**
 * The escalation state machine: pure and clock-free. Given the policy snapshot taken when the
 * incident triggered, where the escalation stands, what is known about the incident and `now`,
 * it says what to do next: wait, stop, notify a level, or fail over. The verbs in
 * `lib/escalations` lock the incident, ask this, write the rows, and store the next due instant;
 * both workflow drivers (the embedded ticker and Inngest) call those verbs.
 */

export const STOP_CONDITIONS = ["read", "acknowledged"] as const;
export type StopCondition = (typeof STOP_CONDITIONS)[number];

export const CHANNELS = ["in_app", "email", "push"] as const;
export type Channel = (typeof CHANNELS)[number];

export type EscalationTarget = { type: "user"; id: string } | { type: "schedule"; id: string } | { type: "team"; id: string; scope: "all" | "leads" };

export type PolicyLevel = {
  /** Minutes before the next level (or the next repeat, or the failover) once this one is notified. */
  delayMinutes: number;
  targets: EscalationTarget[];
};

export type FailoverContacts = {
  /** The incident team's leads. */
  leads: boolean;
  userIds: string[];
  emails: string[];
};

/** What the incident keeps of its policy when it triggers: later edits don't change it. */
export type PolicySnapshot = {
  policyId: string;
  name: string;
  levels: PolicyLevel[];
  /** How many more times the levels run after the first pass (0–9). */
  repeat: number;
  stopOn: StopCondition;
  failover: FailoverContacts;
};

export const MAX_REPEAT = 9;
export const MAX_LEVELS = 20;
export const MAX_DELAY_MINUTES = 24 * 60;

export type Cursor = { level: number; repeat: number };

export type EscalationPhase = "deferred" | "active" | "stopped" | "failed_over";

export type EscalationState = {
  phase: EscalationPhase;
  /** The last level notified; null before the first. */
  cursor: Cursor | null;
  /** When the next step is due (epoch ms); null when nothing more will happen. */
  nextDueAt: number | null;
};

export type IncidentFacts = {
  status: "triggered" | "acknowledged" | "resolved";
  /** When a person first opened one of its pages (epoch ms), or null. */
  readAt: number | null;
};

export type StopReason = "acknowledged" | "read" | "resolved";

export type Step =
  | { kind: "done" }
  | { kind: "wait"; until: number }
  | { kind: "stop"; reason: StopReason }
  /** Notify `cursor`'s level; the step after it is due at `nextDueAt`. `promote` ends a business-hours deferral first. */
  | { kind: "notify"; cursor: Cursor; nextDueAt: number; promote: boolean; repeatStarts: boolean }
  /** The last level's last repeat passed without the stop condition: nobody answered. */
  | { kind: "failover"; promote: boolean };

const MINUTE = 60_000;

/** The cursor after `cursor`, or null when the levels and their repeats are spent. */
export function nextCursor(policy: Pick<PolicySnapshot, "levels" | "repeat">, cursor: Cursor | null): Cursor | null {
  if (policy.levels.length === 0) return null;
  if (cursor === null) return { level: 0, repeat: 0 };
  if (cursor.level + 1 < policy.levels.length) return { level: cursor.level + 1, repeat: cursor.repeat };
  if (cursor.repeat < policy.repeat) return { level: 0, repeat: cursor.repeat + 1 };
  return null;
}

/** Why the escalation must stop now, if it must. Acknowledging always stops it; reading does when the policy says so. */
export function stopReason(policy: Pick<PolicySnapshot, "stopOn"> | null, facts: IncidentFacts): StopReason | null {
  if (facts.status === "resolved") return "resolved";
  if (facts.status === "acknowledged") return "acknowledged";
  if (policy?.stopOn === "read" && facts.readAt !== null) return "read";
  return null;
}

/**
 * The next step. A step falls due at `nextDueAt`; the delay after a level runs from the moment
 * it is notified (`now`), so after downtime escalation advances one step at a time from now
 * instead of firing every missed level at once. No policy (or one without levels) fails over
 * at once: an incident is never left silent.
 */
export function decide(policy: PolicySnapshot | null, state: EscalationState, facts: IncidentFacts, now: number): Step {
  if (state.phase === "stopped" || state.phase === "failed_over") return { kind: "done" };
  const reason = stopReason(policy, facts);
  if (reason) return { kind: "stop", reason };
  if (state.nextDueAt === null) return { kind: "done" };
  if (state.nextDueAt > now) return { kind: "wait", until: state.nextDueAt };
  const promote = state.phase === "deferred";
  const next = policy ? nextCursor(policy, state.cursor) : null;
  if (!policy || !next) return { kind: "failover", promote };
  const level = policy.levels[next.level]!;
  return {
    kind: "notify",
    cursor: next,
    nextDueAt: now + level.delayMinutes * MINUTE,
    promote,
    repeatStarts: next.level === 0 && next.repeat > 0,
  };
}

/** Where a new escalation starts: due now, or at the business-hours instant of a deferred alert. */
export function initialState(now: number, deferredUntil: number | null): EscalationState {
  if (deferredUntil !== null && deferredUntil > now) return { phase: "deferred", cursor: null, nextDueAt: deferredUntil };
  return { phase: "active", cursor: null, nextDueAt: now };
}

/** The state after a step was carried out. `wait`, `done` leave it as it is. */
export function applyStep(state: EscalationState, step: Step): EscalationState {
  switch (step.kind) {
    case "notify":
      return { phase: "active", cursor: step.cursor, nextDueAt: step.nextDueAt };
    case "failover":
      return { phase: "failed_over", cursor: state.cursor, nextDueAt: null };
    case "stop":
      return { phase: "stopped", cursor: state.cursor, nextDueAt: null };
    default:
      return state;
  }
}

/** How the policy reads as a timeline: "0 min: on-call of Service Desk 24/7; 5 min: Alice (lead); repeat twice; then failover email to leads". */
export function describePolicy(policy: Pick<PolicySnapshot, "levels" | "repeat" | "stopOn" | "failover">, nameOf: (t: EscalationTarget) => string, failoverNames: string[] = []): string[] {
  const lines: string[] = [];
  let at = 0;
  for (const level of policy.levels) {
    lines.push(`${at} min: ${level.targets.length ? level.targets.map(nameOf).join(", ") : "nobody"}`);
    at += level.delayMinutes;
  }
  if (policy.repeat > 0) lines.push(`${at} min: repeat ${policy.repeat === 1 ? "once" : policy.repeat === 2 ? "twice" : `${policy.repeat} times`} (every ${at} min)`);
  const total = at * (policy.repeat + 1);
  const who = [...(policy.failover.leads ? ["the team leads"] : []), ...failoverNames, ...policy.failover.emails];
  lines.push(`${total} min: ${who.length ? `failover email to ${who.join(", ")}` : "marked unanswered (no failover contacts)"}`);
  lines.push(`Stops when a page is ${policy.stopOn === "read" ? "read" : "acknowledged"}.`);
  return lines;
}

/** Per-person notification rules: which channels, and how soon after the level is notified. */
export type NotificationRule = { channel: Channel; delayMinutes: number };
export type NotificationPreferences = { rules: NotificationRule[]; repeatEveryMinutes: number };

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  rules: [
    { channel: "in_app", delayMinutes: 0 },
    { channel: "email", delayMinutes: 0 },
    { channel: "push", delayMinutes: 0 },
  ],
  repeatEveryMinutes: 2,
};

/**
 * The channels to use for a person, with when each is due. The in-app alarm is always on: a
 * person can't switch off being told on the page they have open.
 */
export function channelsFor(prefs: NotificationPreferences, now: number): { channel: Channel; dueAt: number }[] {
  const out = new Map<Channel, number>();
  for (const r of prefs.rules) {
    const due = now + r.delayMinutes * MINUTE;
    const prev = out.get(r.channel);
    if (prev === undefined || due < prev) out.set(r.channel, due);
  }
  if (!out.has("in_app")) out.set("in_app", now);
  return CHANNELS.filter((c) => out.has(c)).map((channel) => ({ channel, dueAt: out.get(channel)! }));
}

/** Retry delays for a transient send failure; after the last, the notification is failed. */
export const SEND_RETRY_DELAYS_MS = [5_000, 15_000, 45_000, 120_000];

export function retryDelay(attempts: number): number | null {
  return SEND_RETRY_DELAYS_MS[attempts - 1] ?? null;
}
