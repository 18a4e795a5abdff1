import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { incidentParticipants, incidents, notices, outboxMessages } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import type { BatonError } from "@/lib/errors";
import { ensureDraftPostmortem } from "./ensure-draft";
import { getPostmortem } from "./get-postmortem";
import { listPostmortems } from "./list-postmortems";
import { REVIEW_NOTICE_KIND } from "./notify-reviewers";
import { setReviewers } from "./set-reviewers";
import { transitionPostmortem } from "./transition-postmortem";

// QA's scenario: alice (engineer) picks Bob (engineer) and Jane Whitfield (stakeholder of the
// incident's client) as reviewers of a draft, saves them, submits it for review.
let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-20T10:00:00Z");
const NOW = new Date("2026-11-21T09:00:00Z");
let fx: Awaited<ReturnType<typeof fixture>>;

async function draftFor(service: Awaited<ReturnType<typeof makeService>>, title: string, opts: { confidential?: boolean } = {}) {
  const i = await makeIncident(t.db, service, { at: T0, title, confidential: opts.confidential });
  await t.db.update(incidents).set({ status: "resolved", resolvedAt: new Date(T0.getTime() + 3_600_000) }).where(eq(incidents.id, i.id));
  return { incident: i, pmId: (await ensureDraftPostmortem(t.db, i.id, new Date(T0.getTime() + 3_600_000)))!.id };
}

async function fixture() {
  const alice = await makeUser(t.db, { name: "Alice Nguyen" });
  const bob = await makeUser(t.db, { name: "Bob Engineer" });
  const carl = await makeUser(t.db, { name: "Carl Latecomer" });
  const jane = await makeUser(t.db, { role: "stakeholder", name: "Jane Whitfield" });
  const otto = await makeUser(t.db, { role: "stakeholder", name: "Otto Elsewhere" });
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }, { userId: carl.id }]);
  const acme = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [jane.id] });
  await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [otto.id] });
  const service = await makeService(t.db, { clientId: acme.id, teamId: team.id });
  const asked = await draftFor(service, "Front desk PCs offline");
  const notAsked = await draftFor(service, "Printer queue stuck");
  const secret = await draftFor(service, "Mailbox takeover", { confidential: true });
  await t.db.insert(incidentParticipants).values([
    { incidentId: secret.incident.id, userId: alice.id, role: "incident_manager", joinedAt: T0 },
    { incidentId: secret.incident.id, userId: bob.id, role: "responder", joinedAt: T0 },
  ]);
  return { alice, bob, carl, jane, otto, asked, notAsked, secret };
}

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await fixture();
});
afterAll(async () => t.drop());

const as = (u: { id: string }) => ctxFor(t.db, u.id, NOW);
const code = async (p: Promise<unknown>) => p.then(() => "ok", (e: BatonError) => e.code);
const listed = async (u: { id: string }, query: Record<string, unknown> = {}) => (await listPostmortems(await as(u), query)).data;
const reviewNotices = async (postmortemId: string) =>
  t.db.select().from(notices).where(and(eq(notices.kind, REVIEW_NOTICE_KIND), eq(notices.link, `/postmortems/${postmortemId}`)));
const mailsTo = async (...people: { email: string }[]) => t.db.select().from(outboxMessages).where(inArray(outboxMessages.to, people.map((p) => p.email)));

describe("asking for a post-mortem review", () => {
  it("before she is asked, jane finds nothing and is told nothing; saving reviewers on a draft notifies nobody", async () => {
    expect(await listed(fx.jane)).toEqual([]);
    expect(await code(getPostmortem(await as(fx.jane), fx.asked.pmId))).toBe("not_found");
    await setReviewers({ ctx: await as(fx.alice), input: { postmortemId: fx.asked.pmId, userIds: [fx.alice.id, fx.bob.id, fx.jane.id] } });
    // A draft's reviewers are asked when it is submitted, not before; jane still sees no draft.
    expect(await reviewNotices(fx.asked.pmId)).toEqual([]);
    expect(await listed(fx.jane)).toEqual([]);
    expect(await code(getPostmortem(await as(fx.jane), fx.asked.pmId))).toBe("not_found");
  });

  it("submitting notifies each reviewer but the submitter, in the app and by email, with a link", async () => {
    await transitionPostmortem({ ctx: await as(fx.alice), input: { postmortemId: fx.asked.pmId, transition: "submit" } });
    const rows = await reviewNotices(fx.asked.pmId);
    expect(rows.map((n) => n.userId).sort()).toEqual([fx.bob.id, fx.jane.id].sort());
    expect(rows[0]).toMatchObject({ title: `Review requested: post-mortem of #${fx.asked.incident.number} Front desk PCs offline`, body: expect.stringMatching(/^Alice Nguyen asked you to review/) });
    const mails = await mailsTo(fx.alice, fx.bob, fx.jane);
    expect(mails.map((m) => m.to).sort()).toEqual([fx.bob.email, fx.jane.email].sort());
    for (const m of mails) {
      expect(m.subject).toBe(`Review requested: post-mortem of #${fx.asked.incident.number} Front desk PCs offline`);
      expect(m.text).toContain(`/postmortems/${fx.asked.pmId}`);
    }
  });

  it("after being asked, jane finds it (the version in review, waiting for her) and nothing else; bob too", async () => {
    const janes = await listed(fx.jane);
    expect(janes).toEqual([expect.objectContaining({ id: fx.asked.pmId, status: "in_review", revision: 0, awaitingMyReview: true, overdueActionItems: 0, meetingOverdue: null })]);
    expect((await listed(fx.jane, { awaitingMyReview: "true" })).map((p) => p.id)).toEqual([fx.asked.pmId]);
    expect(await listed(fx.jane, { status: "in_review" })).toHaveLength(1);
    expect(await listed(fx.jane, { status: "draft" })).toEqual([]);
    expect(await listed(fx.jane, { status: "published" })).toEqual([]);
    expect((await getPostmortem(await as(fx.jane), fx.asked.pmId)).awaitingMyReview).toBe(true);
    // Bob (who sees every post-mortem of the client) has it flagged; so has alice, a reviewer too
    // (not notified of her own request, but her approval is still needed); carl, not a reviewer, has not.
    expect((await listed(fx.bob, { awaitingMyReview: "true" })).map((p) => p.id)).toEqual([fx.asked.pmId]);
    expect((await listed(fx.alice)).find((p) => p.id === fx.asked.pmId)).toMatchObject({ status: "in_review", awaitingMyReview: true });
    expect((await listed(fx.carl)).find((p) => p.id === fx.asked.pmId)).toMatchObject({ status: "in_review", awaitingMyReview: false });
    expect(await listed(fx.carl, { awaitingMyReview: "true" })).toEqual([]);
    expect((await listed(fx.carl, { awaitingMyReview: "false" })).map((p) => p.id)).toContain(fx.asked.pmId);
  });

  it("a stakeholder of another client sees nothing of it", async () => {
    expect(await listed(fx.otto)).toEqual([]);
    expect(await listed(fx.otto, { awaitingMyReview: "true" })).toEqual([]);
    expect(await code(getPostmortem(await as(fx.otto), fx.asked.pmId))).toBe("not_found");
    expect(await code(transitionPostmortem({ ctx: await as(fx.otto), input: { postmortemId: fx.asked.pmId, transition: "approve" } }))).toBe("not_found");
  });

  it("a reviewer added while in review is asked at once; those already asked are not asked again", async () => {
    await setReviewers({ ctx: await as(fx.alice), input: { postmortemId: fx.asked.pmId, userIds: [fx.alice.id, fx.bob.id, fx.jane.id, fx.carl.id] } });
    expect((await reviewNotices(fx.asked.pmId)).map((n) => n.userId).sort()).toEqual([fx.bob.id, fx.carl.id, fx.jane.id].sort());
    expect((await mailsTo(fx.carl)).map((m) => m.subject)).toEqual([`Review requested: post-mortem of #${fx.asked.incident.number} Front desk PCs offline`]);
    // Saving the same reviewers again asks nobody.
    await setReviewers({ ctx: await as(fx.alice), input: { postmortemId: fx.asked.pmId, userIds: [fx.alice.id, fx.bob.id, fx.jane.id, fx.carl.id] } });
    expect(await reviewNotices(fx.asked.pmId)).toHaveLength(3);
    // Adding oneself (bob drops himself, then adds himself back) asks nobody either.
    await setReviewers({ ctx: await as(fx.bob), input: { postmortemId: fx.asked.pmId, userIds: [fx.alice.id, fx.jane.id, fx.carl.id] } });
    await setReviewers({ ctx: await as(fx.bob), input: { postmortemId: fx.asked.pmId, userIds: [fx.alice.id, fx.bob.id, fx.jane.id, fx.carl.id] } });
    expect(await reviewNotices(fx.asked.pmId)).toHaveLength(3);
  });

  it("once jane approves it is no longer waiting for her; withdrawn to draft, she no longer sees it", async () => {
    await transitionPostmortem({ ctx: await as(fx.jane), input: { postmortemId: fx.asked.pmId, transition: "approve" } });
    expect(await listed(fx.jane)).toEqual([expect.objectContaining({ id: fx.asked.pmId, status: "in_review", awaitingMyReview: false })]);
    expect(await listed(fx.jane, { awaitingMyReview: "true" })).toEqual([]);
    await transitionPostmortem({ ctx: await as(fx.alice), input: { postmortemId: fx.asked.pmId, transition: "withdraw" } });
    expect(await listed(fx.jane)).toEqual([]);
    expect(await code(getPostmortem(await as(fx.jane), fx.asked.pmId))).toBe("not_found");
  });

  it("a confidential incident: only reviewers who may read it are asked, and its title stays out", async () => {
    const { pmId, incident } = fx.secret;
    await setReviewers({ ctx: await as(fx.alice), input: { postmortemId: pmId, userIds: [fx.bob.id, fx.jane.id] } });
    const before = (await t.db.select().from(outboxMessages)).length;
    await transitionPostmortem({ ctx: await as(fx.alice), input: { postmortemId: pmId, transition: "submit" } });
    const rows = await reviewNotices(pmId);
    expect(rows.map((n) => [n.userId, n.title])).toEqual([[fx.bob.id, `Review requested: post-mortem of confidential incident #${incident.number}`]]);
    const mails = (await t.db.select().from(outboxMessages)).slice(before);
    expect(mails.map((m) => m.to)).toEqual([fx.bob.email]);
    expect(JSON.stringify(mails)).not.toContain("Mailbox takeover");
    // Need-to-know still wins over being a reviewer: jane neither lists nor opens it.
    expect(await listed(fx.jane)).toEqual([]);
    expect(await code(getPostmortem(await as(fx.jane), pmId))).toBe("not_found");
  });

  it("the draft nobody asked jane about stays out of her list throughout", async () => {
    await transitionPostmortem({ ctx: await as(fx.alice), input: { postmortemId: fx.notAsked.pmId, transition: "submit" } });
    expect(await reviewNotices(fx.notAsked.pmId)).toEqual([]);
    expect((await listed(fx.jane)).map((p) => p.id)).not.toContain(fx.notAsked.pmId);
    expect(await code(getPostmortem(await as(fx.jane), fx.notAsked.pmId))).toBe("not_found");
  });
});
