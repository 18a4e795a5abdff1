import { describe, expect, it } from "vitest";
import { applyStep, channelsFor, decide, DEFAULT_PREFERENCES, describePolicy, initialState, nextCursor, retryDelay, type EscalationState, type IncidentFacts, type PolicySnapshot, type Step } from ".";

const T0 = Date.parse("2026-03-08T06:30:00Z"); // a DST morning in New York: delays are real durations
const MIN = 60_000;

const standard: PolicySnapshot = {
  policyId: "p1",
  name: "Standard",
  levels: [
    { delayMinutes: 5, targets: [{ type: "schedule", id: "s1" }] },
    { delayMinutes: 10, targets: [{ type: "team", id: "t1", scope: "leads" }] },
  ],
  repeat: 1,
  stopOn: "acknowledged",
  failover: { leads: true, userIds: [], emails: ["manager@example.com"] },
};
const open: IncidentFacts = { status: "triggered", readAt: null };

/** Drives the machine from `start`, stepping whenever a step is due, and records what it did. */
function run(policy: PolicySnapshot | null, start: EscalationState, facts: (now: number) => IncidentFacts, until: number) {
  const log: string[] = [];
  let state = start;
  let now = T0;
  for (let guard = 0; guard < 100 && now <= until; guard++) {
    const step = decide(policy, state, facts(now), now);
    if (step.kind === "done") break;
    if (step.kind === "wait") {
      now = step.until;
      continue;
    }
    log.push(`${(now - T0) / MIN}m ${label(step)}`);
    state = applyStep(state, step);
  }
  return { log, state };
}
const label = (s: Step) =>
  s.kind === "notify" ? `notify L${s.cursor.level + 1} R${s.cursor.repeat}${s.promote ? " (promoted)" : ""}${s.repeatStarts ? " (repeat)" : ""}` : s.kind === "stop" ? `stop ${s.reason}` : s.kind;


describe("nextCursor", () => {
  it.each([
    [null, { level: 0, repeat: 0 }],
    [{ level: 0, repeat: 0 }, { level: 1, repeat: 0 }],
    [{ level: 1, repeat: 0 }, { level: 0, repeat: 1 }],
    [{ level: 0, repeat: 1 }, { level: 1, repeat: 1 }],
    [{ level: 1, repeat: 1 }, null],
  ])("after %j comes %j", (cursor, expected) => {
    expect(nextCursor(standard, cursor)).toEqual(expected);
  });
  it("a policy without levels has no cursor", () => expect(nextCursor({ levels: [], repeat: 3 }, null)).toBeNull());
});

describe("decide", () => {
  it("runs the Standard policy through its levels, one repeat, then fails over", () => {
    const { log, state } = run(standard, initialState(T0, null), () => open, T0 + 120 * MIN);
    expect(log).toEqual(["0m notify L1 R0", "5m notify L2 R0", "15m notify L1 R1 (repeat)", "20m notify L2 R1", "30m failover"]);
    expect(state).toEqual({ phase: "failed_over", cursor: { level: 1, repeat: 1 }, nextDueAt: null });
  });

  it.each<[string, (now: number) => IncidentFacts, PolicySnapshot["stopOn"], string[]]>([
    ["acknowledged after level 2 started", (n) => (n >= T0 + 7 * MIN ? { status: "acknowledged", readAt: T0 + 6 * MIN } : open), "acknowledged", ["0m notify L1 R0", "5m notify L2 R0", "15m stop acknowledged"]],
    ["read does not stop a policy that stops on acknowledge", (n) => (n >= T0 + 1 * MIN ? { status: "triggered", readAt: T0 + MIN } : open), "acknowledged", ["0m notify L1 R0", "5m notify L2 R0", "15m notify L1 R1 (repeat)", "20m notify L2 R1", "30m failover"]],
    ["read stops a policy that stops on read", (n) => (n >= T0 + 1 * MIN ? { status: "triggered", readAt: T0 + MIN } : open), "read", ["0m notify L1 R0", "5m stop read"]],
    ["acknowledging always stops, even a read policy", (n) => (n >= T0 + 1 * MIN ? { status: "acknowledged", readAt: null } : open), "read", ["0m notify L1 R0", "5m stop acknowledged"]],
    ["resolved stops", (n) => (n >= T0 + 1 * MIN ? { status: "resolved", readAt: null } : open), "acknowledged", ["0m notify L1 R0", "5m stop resolved"]],
  ])("%s", (_name, facts, stopOn, expected) => {
    expect(run({ ...standard, stopOn }, initialState(T0, null), facts, T0 + 120 * MIN).log).toEqual(expected);
  });

  it("a deferred incident waits for business hours, then is promoted and notifies level 1", () => {
    const at = T0 + 150 * MIN;
    const state = initialState(T0, at);
    expect(state.phase).toBe("deferred");
    expect(decide(standard, state, open, T0 + 149 * MIN)).toEqual({ kind: "wait", until: at });
    expect(decide(standard, state, open, at)).toEqual({ kind: "notify", cursor: { level: 0, repeat: 0 }, nextDueAt: at + 5 * MIN, promote: true, repeatStarts: false });
  });

  it("a deferral instant already past starts at once", () => {
    expect(initialState(T0, T0 - MIN)).toEqual({ phase: "active", cursor: null, nextDueAt: T0 });
  });

  it("after downtime it advances one step from now, not every missed level", () => {
    const state: EscalationState = { phase: "active", cursor: { level: 0, repeat: 0 }, nextDueAt: T0 + 5 * MIN };
    const late = T0 + 60 * MIN; // the server was down for 55 minutes
    const step = decide(standard, state, open, late);
    expect(step).toEqual({ kind: "notify", cursor: { level: 1, repeat: 0 }, nextDueAt: late + 10 * MIN, promote: false, repeatStarts: false });
    expect(decide(standard, applyStep(state, step), open, late)).toEqual({ kind: "wait", until: late + 10 * MIN });
  });

  it("no policy fails over at once (never silent)", () => {
    expect(decide(null, initialState(T0, null), open, T0)).toEqual({ kind: "failover", promote: false });
  });

  it("a finished escalation does nothing more", () => {
    expect(decide(standard, { phase: "failed_over", cursor: null, nextDueAt: null }, open, T0)).toEqual({ kind: "done" });
    expect(decide(standard, { phase: "stopped", cursor: null, nextDueAt: null }, { status: "resolved", readAt: null }, T0)).toEqual({ kind: "done" });
  });

  it("a zero-minute level moves on in the same instant", () => {
    const p: PolicySnapshot = { ...standard, levels: [{ delayMinutes: 0, targets: [] }, { delayMinutes: 3, targets: [] }], repeat: 0 };
    expect(run(p, initialState(T0, null), () => open, T0 + 10 * MIN).log).toEqual(["0m notify L1 R0", "0m notify L2 R0", "3m failover"]);
  });
});

describe("describePolicy", () => {
  it("reads like a timeline", () => {
    const names: Record<string, string> = { s1: "on-call of Service Desk 24/7", t1: "Service Desk leads" };
    expect(describePolicy(standard, (t) => names[t.id] ?? t.id)).toEqual([
      "0 min: on-call of Service Desk 24/7",
      "5 min: Service Desk leads",
      "15 min: repeat once (every 15 min)",
      "30 min: failover email to the team leads, manager@example.com",
      "Stops when a page is acknowledged.",
    ]);
  });
});

describe("channelsFor", () => {
  it("uses the rules' delays and always keeps the in-app alarm", () => {
    expect(channelsFor(DEFAULT_PREFERENCES, T0)).toEqual([
      { channel: "in_app", dueAt: T0 },
      { channel: "email", dueAt: T0 },
      { channel: "push", dueAt: T0 },
    ]);
    expect(channelsFor({ rules: [{ channel: "email", delayMinutes: 3 }], repeatEveryMinutes: 2 }, T0)).toEqual([
      { channel: "in_app", dueAt: T0 },
      { channel: "email", dueAt: T0 + 3 * MIN },
    ]);
  });
});

describe("retryDelay", () => {
  it("backs off, then gives up", () => {
    expect([1, 2, 3, 4, 5].map(retryDelay)).toEqual([5_000, 15_000, 45_000, 120_000, null]);
  });
});
