import { describe, expect, it } from "vitest";
import { allowedTransitions, computeFacts, findBlame, forStakeholders, isEditable, meetingDateProblem, meetingOverdue, actionItemOverdue, nextStatus, postmortemMarkdown, type PostmortemContent } from ".";

const people = ["Alice Smith", "Bob Jones", "Li"];

describe("blameless check", () => {
  it.each([
    { name: "a full name", text: "Alice Smith restarted the wrong node.", names: ["Alice Smith"] },
    { name: "a first name, any case", text: "the change was pushed by bob on Friday.", names: ["Bob"] },
    { name: "a capitalised name before a blame verb", text: "Dave forgot to renew the certificate.", names: ["Dave"] },
    { name: "a pronoun before a blame verb", text: "The disk filled up. She didn't check the alert.", names: ["she"] },
    { name: "should have", text: "Carol should have escalated sooner.", names: ["Carol"] },
  ])("points out $name", ({ text, names }) => {
    const hints = findBlame(text, people);
    expect(hints).toHaveLength(1);
    expect(hints[0]!.names).toEqual(names);
    expect(text.slice(hints[0]!.start, hints[0]!.end)).toBe(hints[0]!.sentence);
    expect(hints[0]!.suggestion).toMatch(/describe what in the system allowed this/i);
  });

  it.each([
    { name: "system language", text: "The certificate renewal job had no alert when it failed. Disk usage grew unnoticed." },
    { name: "a sentence-start word before a verb", text: "The backup failed twice. Monitoring missed the second failure." },
    { name: "a two-letter name inside a word", text: "The client library timed out." },
    { name: "empty text", text: "" },
  ])("leaves $name alone", ({ text }) => {
    expect(findBlame(text, people)).toEqual([]);
  });

  it("reports each offending sentence with its own span", () => {
    const text = "Alerting was noisy.\nBob Jones ignored the page. The runbook was out of date! They forgot the failover.";
    const hints = findBlame(text, people);
    expect(hints.map((h) => h.sentence)).toEqual(["Bob Jones ignored the page.", "They forgot the failover."]);
    expect(hints[0]!.names).toEqual(["Bob Jones"]);
    for (const h of hints) expect(text.slice(h.start, h.end)).toBe(h.sentence);
  });
});

describe("state machine", () => {
  it.each([
    { from: "draft", t: "submit", to: "in_review" },
    { from: "in_review", t: "approve", to: "in_review" },
    { from: "in_review", t: "withdraw", to: "draft" },
    { from: "in_review", t: "publish", to: "published" },
    { from: "published", t: "revise", to: "draft" },
  ] as const)("$from --$t--> $to", ({ from, t, to }) => {
    expect(nextStatus(from, t)).toEqual({ ok: true, to });
  });

  it.each([
    { from: "draft", t: "publish" },
    { from: "draft", t: "approve" },
    { from: "draft", t: "revise" },
    { from: "in_review", t: "submit" },
    { from: "in_review", t: "revise" },
    { from: "published", t: "publish" },
    { from: "published", t: "submit" },
  ] as const)("refuses $t from $from", ({ from, t }) => {
    const r = nextStatus(from, t);
    expect(r.ok).toBe(false);
  });

  it("a published one is immutable and points to a revision", () => {
    expect(isEditable("published")).toBe(false);
    expect(isEditable("draft")).toBe(true);
    expect(nextStatus("published", "submit")).toMatchObject({ reason: expect.stringMatching(/new revision/) });
    expect(allowedTransitions("published")).toEqual(["revise"]);
    expect(allowedTransitions("in_review")).toEqual(["approve", "publish", "withdraw"]);
  });
});

const at = (s: string) => new Date(`2026-11-20T${s}Z`);
const facts = computeFacts({
  incident: { id: "i1", number: 42, title: "Disk full | db-1", priority: "high", triggeredAt: at("10:00:00"), promotedAt: null, acknowledgedAt: at("10:04:30"), resolvedAt: at("11:10:00") },
  client: { id: "c1", name: "Acme Dental" },
  service: { id: "s1", name: "Database" },
  timeline: [
    { id: 1, at: at("10:00:00"), kind: "triggered", actorLabel: "Events API v2 (key abcd1234…)", message: "Triggered", internal: false },
    { id: 2, at: at("10:01:00"), kind: "notified", actorLabel: "Baton", message: "Paged Alice Smith by email", internal: true },
    { id: 3, at: at("10:30:00"), kind: "note", actorLabel: "Alice Smith", message: "Cleared /var/log", internal: true },
    { id: 4, at: at("11:10:00"), kind: "resolved", actorLabel: "Alice Smith", message: "Resolved by Alice Smith", internal: false },
  ],
  notifications: [{ person: "Alice Smith", channel: "email", state: "read", createdAt: at("10:01:00"), sentAt: at("10:01:02"), level: 0 }],
  responders: [{ id: "u1", name: "Alice Smith" }, { id: "u1", name: "Alice Smith" }],
});

describe("facts", () => {
  it("computes time to acknowledge and resolve, dedupes responders", () => {
    expect(facts.timeToAcknowledgeSeconds).toBe(270);
    expect(facts.timeToResolveSeconds).toBe(4200);
    expect(facts.responders).toEqual([{ id: "u1", name: "Alice Smith" }]);
    expect(facts.notifications[0]).toEqual({ person: "Alice Smith", channel: "email", state: "read", at: "2026-11-20T10:01:02.000Z", level: 0 });
  });
});

const content: PostmortemContent = {
  revision: 1,
  status: "published",
  facts,
  starredTimelineIds: [1, 3, 4],
  sections: { summary: "The database disk filled.", contributing_factors: "Log rotation was off." },
  alerting: { alertReal: "real", reachedRightPerson: "yes", enoughInformation: false, informationToAdd: "Which volume" },
  actionItems: [{ title: "Enable logrotate", owner: "Bob Jones", dueDate: "2026-12-01", status: "open", type: "update_plan" }],
  meeting: { at: "2026-11-25T15:00:00.000Z", attendees: ["Alice Smith"] },
  publishedAt: "2026-11-22T09:00:00.000Z",
};

describe("markdown", () => {
  it("renders facts, sections, the alerting review, action items and the starred timeline", () => {
    const md = postmortemMarkdown(content);
    expect(md).toContain("# Post-mortem: #42 Disk full | db-1");
    expect(md).toContain("- **Time to acknowledge:** 4 min");
    expect(md).toContain("- **Time to resolve:** 1 h 10 min");
    expect(md).toContain("### Summary\n\nThe database disk filled.");
    expect(md).toContain("### Lessons learned\n\n_Not answered._");
    expect(md).toContain("- **What to add to the alert:** Which volume");
    expect(md).toContain("| Enable logrotate | Update the response plan, procedure or checklist | Bob Jones | 2026-12-01 | Open |");
    expect(md).toContain("## Timeline (key moments)");
    expect(md).toContain("| 2026-11-20 10:30 | Cleared /var/log | Alice Smith |");
    expect(md).not.toContain("Paged Alice Smith by email");
    expect(md).toContain("| 2026-11-20 10:01 | Alice Smith | email | 1 | read |");
  });

  it("for stakeholders: no internal rows, no paging details", () => {
    const md = postmortemMarkdown(forStakeholders(content));
    expect(md).not.toContain("Cleared /var/log");
    expect(md).not.toContain("Who was notified");
    expect(md).toContain("Resolved by Alice Smith");
    // The integration's routing-key prefix is the MSP's business, as on the incident's own timeline.
    expect(md).toContain("| Triggered | Events API v2 |");
    expect(md).not.toContain("abcd1234");
    expect(postmortemMarkdown(content)).toContain("| Triggered | Events API v2 (key abcd1234…) |");
  });
});

describe("meeting and overdue", () => {
  const resolvedAt = new Date("2026-11-01T12:00:00Z");
  it("accepts a date within 14 days, refuses later and past ones", () => {
    const now = new Date("2026-11-02T00:00:00Z");
    expect(meetingDateProblem(resolvedAt, new Date("2026-11-15T12:00:00Z"), now)).toBeNull();
    expect(meetingDateProblem(resolvedAt, new Date("2026-11-15T12:00:01Z"), now)).toMatch(/within 14 days/);
    expect(meetingDateProblem(resolvedAt, new Date("2026-11-01T23:00:00Z"), now)).toMatch(/future/);
  });
  it("flags an unscheduled meeting after 14 days and a past one not held", () => {
    expect(meetingOverdue({ resolvedAt, meetingAt: null, status: "draft" }, new Date("2026-11-15T12:00:01Z"))).toBe("unscheduled");
    expect(meetingOverdue({ resolvedAt, meetingAt: null, status: "draft" }, new Date("2026-11-10T00:00:00Z"))).toBeNull();
    expect(meetingOverdue({ resolvedAt, meetingAt: new Date("2026-11-05T00:00:00Z"), status: "in_review" }, new Date("2026-11-06T00:00:00Z"))).toBe("not_held");
    expect(meetingOverdue({ resolvedAt, meetingAt: new Date("2026-11-05T00:00:00Z"), status: "published" }, new Date("2026-11-20T00:00:00Z"))).toBeNull();
    expect(actionItemOverdue({ status: "open", dueDate: "2026-11-01" }, "2026-11-02")).toBe(true);
    expect(actionItemOverdue({ status: "done", dueDate: "2026-11-01" }, "2026-11-02")).toBe(false);
    expect(actionItemOverdue({ status: "open", dueDate: null }, "2026-11-02")).toBe(false);
  });
});
