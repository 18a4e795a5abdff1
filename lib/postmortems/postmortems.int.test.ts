import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { incidentParticipants, incidents, incidentTimeline, notices, notifications, outboxMessages, postmortemRevisions, postmortems } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import type { BatonError } from "@/lib/errors";
import type { Facts } from "@/lib/core/postmortems";
import { addActionItem } from "./add-action-item";
import { addComment } from "./add-comment";
import { createMissingDrafts } from "./create-missing-drafts";
import { exportPostmortemMarkdown } from "./export-markdown";
import { getPostmortem } from "./get-postmortem";
import { listPostmortemAttention } from "./list-attention";
import { listPostmortems } from "./list-postmortems";
import { scheduleMeeting } from "./schedule-meeting";
import { sendMeetingReminders } from "./send-meeting-reminders";
import { setReviewers } from "./set-reviewers";
import { transitionPostmortem } from "./transition-postmortem";
import { updatePostmortem } from "./update-postmortem";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-20T10:00:00Z");
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
let fx: Awaited<ReturnType<typeof fixture>>;

async function fixture() {
  const alice = await makeUser(t.db, { name: "Alice Responder" });
  const bob = await makeUser(t.db, { name: "Bob Reviewer" });
  const outsider = await makeUser(t.db, { name: "Olga Outsider" });
  const stakeholder = await makeUser(t.db, { role: "stakeholder", name: "Sam Stakeholder" });
  const otherStakeholder = await makeUser(t.db, { role: "stakeholder", name: "Otto Elsewhere" });
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }]);
  const otherTeam = await makeTeam(t.db, [{ userId: outsider.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [stakeholder.id] });
  await makeClient(t.db, { teamIds: [otherTeam.id], stakeholderIds: [otherStakeholder.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const incident = await makeIncident(t.db, service, { at: T0, title: "Mail relay down" });
  await t.db.insert(incidentTimeline).values([
    { incidentId: incident.id, at: T0, kind: "triggered", actorType: "integration", actorLabel: "Events v2", message: "Triggered: Mail relay down", internal: false },
    { incidentId: incident.id, at: min(2), kind: "note", actorType: "user", actorId: alice.id, actorLabel: "Alice Responder", message: "Queue at 40k, restarting postfix", internal: true },
  ]);
  await t.db.insert(notifications).values({ incidentId: incident.id, level: 0, repeat: 0, recipient: alice.id, userId: alice.id, channel: "email", state: "read", createdAt: min(1), sentAt: min(1) });
  await t.db.insert(incidentParticipants).values({ incidentId: incident.id, userId: bob.id, role: "responder", joinedAt: min(3) });
  return { alice, bob, outsider, stakeholder, otherStakeholder, client, service, incident };
}

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await fixture();
});
afterAll(async () => t.drop());

const as = (u: { id: string }, m = 60) => ctxFor(t.db, u.id, min(m));
const pmOf = async (incidentId: string) => (await t.db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)))[0];
const code = async (p: Promise<unknown>) => p.then(() => "ok", (e: BatonError) => e.code);

describe("post-mortems", () => {
  it("resolving drafts one with the facts filled in", async () => {
    await acknowledgeIncident({ ctx: await as(fx.alice, 5), input: { incidentId: fx.incident.id } });
    await resolveIncident({ ctx: await as(fx.alice, 50), input: { incidentId: fx.incident.id } });
    const pm = await pmOf(fx.incident.id);
    expect(pm).toMatchObject({ status: "draft", revision: 0 });
    const facts = pm!.facts as unknown as Facts;
    expect(facts.timeToAcknowledgeSeconds).toBe(300);
    expect(facts.timeToResolveSeconds).toBe(3000);
    expect(facts.client.id).toBe(fx.client.id);
    expect(facts.service.name).toBe(fx.service.name);
    expect(facts.notifications).toEqual([{ person: "Alice Responder", channel: "email", state: "read", at: min(1).toISOString(), level: 0 }]);
    expect(facts.responders.map((r) => r.name).sort()).toEqual(["Alice Responder", "Bob Reviewer"]);
    expect(facts.timeline.map((r) => [r.kind, r.internal])).toEqual(expect.arrayContaining([["note", true], ["resolved", false]]));
    // The sweep finds nothing more to do; an incident resolved by other means gets its draft from it.
    const other = await makeIncident(t.db, fx.service, { at: T0, title: "Resolved by a resolve event" });
    await t.db.insert(notifications).values({ incidentId: other.id, level: 0, repeat: 0, recipient: fx.alice.id, userId: fx.alice.id, channel: "email", state: "sent", createdAt: min(1) });
    await t.db.update(incidents).set({ status: "resolved", resolvedAt: min(20) }).where(eq(incidents.id, other.id));
    // One that resolved itself before paging anyone (it waited for business hours): no post-mortem.
    const quiet = await makeIncident(t.db, fx.service, { at: T0, title: "Resolved while waiting for business hours" });
    await t.db.update(incidents).set({ status: "resolved", resolvedAt: min(20) }).where(eq(incidents.id, quiet.id));
    const ancient = await makeIncident(t.db, fx.service, { at: new Date("2026-09-01T00:00:00Z"), title: "Long ago" });
    await t.db.update(incidents).set({ status: "resolved", resolvedAt: new Date("2026-09-01T01:00:00Z") }).where(eq(incidents.id, ancient.id));
    expect(await createMissingDrafts(t.db, min(21))).toBe(1);
    expect(await pmOf(ancient.id)).toBeUndefined();
    expect(await createMissingDrafts(t.db, min(22))).toBe(0);
    expect(await pmOf(other.id)).toMatchObject({ status: "draft" });
    expect(await pmOf(quiet.id)).toBeUndefined();
  });

  it("edits, points out blame, reviews, publishes an immutable revision, and revises", async () => {
    const pm = (await pmOf(fx.incident.id))!;
    const ctx = await as(fx.alice);
    const starred = (pm.facts as unknown as Facts).timeline.slice(0, 2).map((r) => r.id);
    const saved = await updatePostmortem({ ctx, input: { postmortemId: pm.id, sections: { summary: "The relay stopped.", contributing_factors: "Disk alerts were muted. Bob Reviewer forgot to unmute them." }, alertReal: "real", reachedRightPerson: "yes", enoughInformation: false, informationToAdd: "queue length", starredTimelineIds: starred } });
    expect(saved.blameHints).toEqual([expect.objectContaining({ sentence: "Bob Reviewer forgot to unmute them.", names: ["Bob Reviewer"] })]);
    await expect(updatePostmortem({ ctx, input: { postmortemId: pm.id, starredTimelineIds: [999999] } })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "starredTimelineIds.0" }] });
    await addActionItem({ ctx, input: { postmortemId: pm.id, title: "Alert on muted monitors", ownerId: fx.bob.id, dueDate: "2026-11-25", type: "update_plan" } });
    await setReviewers({ ctx, input: { postmortemId: pm.id, userIds: [fx.bob.id, fx.stakeholder.id] } });
    await expect(setReviewers({ ctx, input: { postmortemId: pm.id, userIds: [fx.otherStakeholder.id] } })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "userIds.0" }] });

    expect(await code(transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "publish" } }))).toBe("conflict");
    await transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "submit" } });
    // Approve is offered to reviewers who have not approved yet, not to the author.
    expect((await getPostmortem(ctx, pm.id)).allowedTransitions).toEqual(["publish", "withdraw"]);
    expect((await getPostmortem(await as(fx.stakeholder), pm.id)).allowedTransitions).toEqual(["approve"]);
    await addComment({ ctx: await as(fx.bob), input: { postmortemId: pm.id, section: "contributing_factors", body: "Describe the mute policy instead." } });
    await expect(transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "publish" } })).rejects.toThrow(/Waiting for approval from Bob Reviewer, Sam Stakeholder/);
    await transitionPostmortem({ ctx: await as(fx.bob), input: { postmortemId: pm.id, transition: "approve" } });
    // A stakeholder reviewer sees the in-review copy without internal rows, and approves.
    const seen = await getPostmortem(await as(fx.stakeholder), pm.id);
    expect((seen.content.facts as Facts).timeline.every((r) => !r.internal)).toBe(true);
    expect((seen.content.facts as Facts).notifications).toEqual([]);
    await transitionPostmortem({ ctx: await as(fx.stakeholder), input: { postmortemId: pm.id, transition: "approve" } });
    expect((await getPostmortem(await as(fx.stakeholder), pm.id)).allowedTransitions).toEqual([]);
    expect((await getPostmortem(await as(fx.bob), pm.id)).allowedTransitions).toEqual(["publish", "withdraw"]);
    const published = await transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "publish" } });
    expect(published).toMatchObject({ status: "published", revision: 1 });

    // Published: immutable, here and in the database.
    expect(await code(updatePostmortem({ ctx, input: { postmortemId: pm.id, sections: { summary: "x" } } }))).toBe("conflict");
    await expect(updatePostmortem({ ctx, input: { postmortemId: pm.id, sections: { summary: "x" } } })).rejects.toThrow(/new revision/);
    await expect(t.db.update(postmortemRevisions).set({ content: {} }).where(eq(postmortemRevisions.postmortemId, pm.id))).rejects.toThrow();
    await expect(t.db.delete(postmortemRevisions).where(eq(postmortemRevisions.postmortemId, pm.id))).rejects.toThrow();

    // Revise: a new draft; the published revision 1 stays what stakeholders read.
    await transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "revise" } });
    await updatePostmortem({ ctx, input: { postmortemId: pm.id, sections: { summary: "The relay stopped: revised." } } });
    const forStakeholder = await getPostmortem(await as(fx.stakeholder), pm.id);
    expect((forStakeholder.content.sections as Record<string, string>).summary).toBe("The relay stopped.");
    expect(forStakeholder.actionItems).toEqual([]);
    expect(forStakeholder.comments).toEqual([]);
    await transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "submit" } });
    await transitionPostmortem({ ctx: await as(fx.bob), input: { postmortemId: pm.id, transition: "approve" } });
    await transitionPostmortem({ ctx: await as(fx.stakeholder), input: { postmortemId: pm.id, transition: "approve" } });
    expect(await transitionPostmortem({ ctx, input: { postmortemId: pm.id, transition: "publish" } })).toMatchObject({ revision: 2 });
    const revs = await t.db.select({ revision: postmortemRevisions.revision, content: postmortemRevisions.content }).from(postmortemRevisions).where(eq(postmortemRevisions.postmortemId, pm.id)).orderBy(postmortemRevisions.revision);
    expect(revs.map((r) => [r.revision, (r.content.sections as Record<string, string>).summary])).toEqual([[1, "The relay stopped."], [2, "The relay stopped: revised."]]);
    // Each submission (the first review and the revision's) asked both reviewers, never the author.
    const asked = await t.db.select({ userId: notices.userId }).from(notices).where(and(eq(notices.kind, "postmortem_review"), eq(notices.link, `/postmortems/${pm.id}`)));
    expect(asked.map((n) => n.userId).sort()).toEqual([fx.bob.id, fx.bob.id, fx.stakeholder.id, fx.stakeholder.id].sort());
    const md = await exportPostmortemMarkdown(await as(fx.stakeholder), pm.id);
    expect(md.filename).toMatch(/-r2\.md$/);
    expect(md.markdown).toContain("revised");
    expect(md.markdown).not.toContain("Queue at 40k");
  });

  it("stakeholders read only published ones of their clients; outsiders nothing; they cannot write", async () => {
    const other = (await pmOf((await t.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.title, "Resolved by a resolve event")))[0]!.id))!;
    const published = (await pmOf(fx.incident.id))!;
    expect(await code(getPostmortem(await as(fx.stakeholder), other.id))).toBe("not_found");
    expect((await listPostmortems(await as(fx.stakeholder), {})).data.map((p) => p.id)).toEqual([published.id]);
    expect((await listPostmortems(await as(fx.otherStakeholder), {})).data).toEqual([]);
    expect(await code(getPostmortem(await as(fx.otherStakeholder), published.id))).toBe("not_found");
    expect(await code(getPostmortem(await as(fx.outsider), published.id))).toBe("not_found");
    expect(await code(updatePostmortem({ ctx: await as(fx.stakeholder), input: { postmortemId: other.id, sections: { summary: "x" } } }))).toBe("forbidden");
    expect(await code(addActionItem({ ctx: await as(fx.outsider), input: { postmortemId: other.id, title: "x", type: "fix" } }))).toBe("not_found");
    expect((await listPostmortems(await as(fx.alice), {})).data).toHaveLength(2);
  });

  it("schedules the meeting within 14 days of resolution and flags what is overdue", async () => {
    const other = (await pmOf((await t.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.title, "Resolved by a resolve event")))[0]!.id))!;
    const ctx = await as(fx.alice);
    await expect(scheduleMeeting({ ctx, input: { postmortemId: other.id, at: "2026-12-10T10:00:00Z", attendeeIds: [fx.bob.id] } })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "at", message: expect.stringMatching(/within 14 days/) }] });
    const ok = await scheduleMeeting({ ctx, input: { postmortemId: other.id, at: "2026-11-24T15:00:00Z", attendeeIds: [fx.bob.id, fx.stakeholder.id] } });
    expect(ok.meetingAt).toBe("2026-11-24T15:00:00.000Z");
    expect(ok.meetingAttendees.map((a) => a.name).sort()).toEqual(["Bob Reviewer", "Sam Stakeholder"]);
    const mails = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, fx.bob.email))).filter((m) => m.subject.startsWith("After-action"));
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^After-action meeting: #\d+ Resolved by a resolve event$/)]);
    expect(mails[0]!.text).toContain(`/postmortems/${other.id}/meeting.ics`);
    await addActionItem({ ctx, input: { postmortemId: other.id, title: "Overdue thing", dueDate: "2026-11-21", type: "fix" } });
    const later = await ctxFor(t.db, fx.alice.id, new Date("2026-11-25T12:00:00Z"));
    const attention = await listPostmortemAttention(later);
    expect(attention.meetings).toEqual([expect.objectContaining({ postmortemId: other.id, reason: "not_held" })]);
    expect(attention.actionItems.map((i) => i.title)).toContain("Overdue thing");
    expect(await listPostmortemAttention(await as(fx.stakeholder))).toEqual({ meetings: [], actionItems: [] });
  });

  it("reminds each attendee once a day ahead; a confidential incident's title stays out of invitations and reminders", async () => {
    const [row] = await t.db.select({ id: incidents.id, number: incidents.number }).from(incidents).where(eq(incidents.title, "Resolved by a resolve event"));
    const pm = (await pmOf(row!.id))!;
    const dayBefore = new Date("2026-11-23T16:00:00Z");
    expect(await sendMeetingReminders(t.db, new Date("2026-11-22T12:00:00Z"))).toBe(0); // more than a day ahead
    expect(await sendMeetingReminders(t.db, dayBefore)).toBe(2);
    expect(await sendMeetingReminders(t.db, dayBefore)).toBe(0); // once per meeting date
    const [bobsNotice] = await t.db.select().from(notices).where(and(eq(notices.userId, fx.bob.id), eq(notices.kind, "postmortem_meeting")));
    expect(bobsNotice).toMatchObject({ kind: "postmortem_meeting", title: `After-action meeting: #${row!.number} Resolved by a resolve event`, body: "Reminder: it starts 2026-11-24 15:00 UTC." });

    await t.db.update(incidents).set({ confidential: true }).where(eq(incidents.id, row!.id));
    await t.db.insert(incidentParticipants).values({ incidentId: row!.id, userId: fx.alice.id, role: "responder", joinedAt: min(3) }).onConflictDoNothing();
    const before = (await t.db.select().from(outboxMessages)).length;
    await scheduleMeeting({ ctx: await as(fx.alice), input: { postmortemId: pm.id, at: "2026-11-24T16:00:00Z", attendeeIds: [fx.bob.id] } });
    expect(await sendMeetingReminders(t.db, dayBefore)).toBe(1);
    const mails = (await t.db.select().from(outboxMessages)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual([`After-action meeting: confidential incident #${row!.number}`, `After-action meeting: confidential incident #${row!.number}`]);
    expect(JSON.stringify(mails)).not.toContain("Resolved by a resolve event");
    const bobs = await t.db.select().from(notices).where(eq(notices.userId, fx.bob.id));
    expect(bobs.map((n) => n.title)).toContain(`After-action meeting: confidential incident #${row!.number}`);
    await t.db.update(incidents).set({ confidential: false }).where(eq(incidents.id, row!.id));
  });

  it("a published post-mortem's meeting can still be scheduled within 14 days of resolution, is reminded of, and is never flagged", async () => {
    const pm = (await pmOf(fx.incident.id))!;
    expect(pm).toMatchObject({ status: "published", revision: 2 });
    // Resolved at 10:50 on 20 Nov: the meeting is due by 10:50 on 4 Dec.
    const ok = await scheduleMeeting({ ctx: await as(fx.alice), input: { postmortemId: pm.id, at: "2026-11-26T15:00:00Z", attendeeIds: [fx.bob.id, fx.stakeholder.id] } });
    expect(ok).toMatchObject({ status: "published", revision: 2, meetingAt: "2026-11-26T15:00:00.000Z" });
    // The published revision stays as it was; the meeting is on the post-mortem, not in the frozen text.
    const [rev2] = await t.db.select({ content: postmortemRevisions.content }).from(postmortemRevisions).where(and(eq(postmortemRevisions.postmortemId, pm.id), eq(postmortemRevisions.revision, 2)));
    expect((rev2!.content as { meeting: { at: string | null } }).meeting.at).toBeNull();
    expect(await sendMeetingReminders(t.db, new Date("2026-11-25T16:00:00Z"))).toBe(2);
    // The 14-day rule holds after publication too; stakeholders still may not schedule.
    const late = await ctxFor(t.db, fx.alice.id, new Date("2026-12-05T09:00:00Z"));
    await expect(scheduleMeeting({ ctx: late, input: { postmortemId: pm.id, at: "2026-12-06T10:00:00Z", attendeeIds: [fx.bob.id] } })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "at", message: expect.stringMatching(/within 14 days/) }] });
    expect(await code(scheduleMeeting({ ctx: await as(fx.stakeholder), input: { postmortemId: pm.id, at: "2026-11-27T15:00:00Z", attendeeIds: [fx.bob.id] } }))).toBe("forbidden");
    // The dashboard flags unpublished post-mortems only, as the page does.
    const attention = await listPostmortemAttention(late);
    expect(attention.meetings.map((m) => m.postmortemId)).not.toContain(pm.id);
    expect((await getPostmortem(late, pm.id)).meetingOverdue).toBeNull();
  });
});
