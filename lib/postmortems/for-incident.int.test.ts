import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidentParticipants, incidents } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import type { BatonError } from "@/lib/errors";
import { ensureDraftPostmortem } from "./ensure-draft";
import { postmortemForIncident } from "./for-incident";
import { setReviewers } from "./set-reviewers";
import { transitionPostmortem } from "./transition-postmortem";

// The incident page links its post-mortem: the working copy for the MSP's people, for a client's
// stakeholder only what they may read (the published revision, or the version they are asked to review).
let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-20T10:00:00Z");
const NOW = new Date("2026-11-21T09:00:00Z");
let fx: Awaited<ReturnType<typeof fixture>>;

async function fixture() {
  const alice = await makeUser(t.db, { name: "Alice Nguyen" });
  const jane = await makeUser(t.db, { role: "stakeholder", name: "Jane Whitfield" });
  const otto = await makeUser(t.db, { role: "stakeholder", name: "Otto Elsewhere" });
  const team = await makeTeam(t.db, [{ userId: alice.id }]);
  const acme = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [jane.id] });
  await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [otto.id] });
  const service = await makeService(t.db, { clientId: acme.id, teamId: team.id });
  const open = await makeIncident(t.db, service, { at: T0, title: "Still open" });
  const resolved = await makeIncident(t.db, service, { at: T0, title: "Front desk PCs offline" });
  await t.db.update(incidents).set({ status: "resolved", resolvedAt: new Date(T0.getTime() + 3_600_000) }).where(eq(incidents.id, resolved.id));
  const pmId = (await ensureDraftPostmortem(t.db, resolved.id, new Date(T0.getTime() + 3_600_000)))!.id;
  const secret = await makeIncident(t.db, service, { at: T0, title: "Mailbox takeover", confidential: true });
  await t.db.insert(incidentParticipants).values({ incidentId: secret.id, userId: alice.id, role: "incident_manager", joinedAt: T0 });
  return { alice, jane, otto, open, resolved, pmId, secret };
}

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await fixture();
});
afterAll(async () => t.drop());

const as = (u: { id: string }) => ctxFor(t.db, u.id, NOW);
const linkFor = async (u: { id: string }, incidentId: string) => postmortemForIncident(await as(u), incidentId);
const code = async (p: Promise<unknown>) => p.then(() => "ok", (e: BatonError) => e.code);
const step = async (u: { id: string }, transition: string) => transitionPostmortem({ ctx: await as(u), input: { postmortemId: fx.pmId, transition } });

describe("the incident page's link to its post-mortem", () => {
  it("none before resolution; the draft for staff, nothing for the client's stakeholder", async () => {
    expect(await linkFor(fx.alice, fx.open.id)).toBeNull();
    expect(await linkFor(fx.jane, fx.open.id)).toBeNull();
    expect(await linkFor(fx.alice, fx.resolved.id)).toEqual({ id: fx.pmId, status: "draft", revision: 0 });
    expect(await linkFor(fx.jane, fx.resolved.id)).toBeNull();
  });

  it("in review: the reviewer stakeholder gets the version in review (revision 1 to be)", async () => {
    await setReviewers({ ctx: await as(fx.alice), input: { postmortemId: fx.pmId, userIds: [fx.jane.id] } });
    await step(fx.alice, "submit");
    expect(await linkFor(fx.jane, fx.resolved.id)).toEqual({ id: fx.pmId, status: "in_review", revision: 1 });
    expect(await linkFor(fx.alice, fx.resolved.id)).toEqual({ id: fx.pmId, status: "in_review", revision: 0 });
  });

  it("published: everyone on the incident reads revision 1; while revised, stakeholders still the published one", async () => {
    await step(fx.jane, "approve");
    await step(fx.alice, "publish");
    expect(await linkFor(fx.jane, fx.resolved.id)).toEqual({ id: fx.pmId, status: "published", revision: 1 });
    expect(await linkFor(fx.alice, fx.resolved.id)).toEqual({ id: fx.pmId, status: "published", revision: 1 });
    await step(fx.alice, "revise");
    expect(await linkFor(fx.alice, fx.resolved.id)).toEqual({ id: fx.pmId, status: "draft", revision: 1 });
    expect(await linkFor(fx.jane, fx.resolved.id)).toEqual({ id: fx.pmId, status: "published", revision: 1 });
  });

  it("checks who is asking: another client's stakeholder and a confidential incident's outsiders get a 404", async () => {
    expect(await code(linkFor(fx.otto, fx.resolved.id))).toBe("not_found");
    expect(await code(linkFor(fx.jane, fx.secret.id))).toBe("not_found");
    expect(await linkFor(fx.alice, fx.secret.id)).toBeNull();
  });
});
