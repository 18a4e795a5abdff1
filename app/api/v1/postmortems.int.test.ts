import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { eq, inArray } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { incidents, notices, outboxMessages } from "@/db/schema";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { callRoute } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import { ensureDraftPostmortem } from "@/lib/postmortems/ensure-draft";
import { createToken } from "@/lib/tokens/create-token";
import * as listRoute from "./postmortems/route";
import * as oneRoute from "./postmortems/[postmortemId]/route";
import * as submitRoute from "./postmortems/[postmortemId]/submit/route";
import * as approveRoute from "./postmortems/[postmortemId]/approve/route";
import * as reviewersRoute from "./postmortems/[postmortemId]/reviewers/route";
import * as publishRoute from "./postmortems/[postmortemId]/publish/route";
import * as reviseRoute from "./postmortems/[postmortemId]/revise/route";
import * as itemsRoute from "./postmortems/[postmortemId]/action-items/route";
import * as itemRoute from "./postmortems/[postmortemId]/action-items/[itemId]/route";
import * as commentsRoute from "./postmortems/[postmortemId]/comments/route";
import * as meetingRoute from "./postmortems/[postmortemId]/meeting/route";
import * as markdownRoute from "./postmortems/[postmortemId]/markdown/route";
import * as openapiRoute from "./openapi.json/route";
import * as reviewCountRoute from "./postmortems/alerting-review/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};
const T0 = new Date(Date.now() - 2 * 86_400_000);

async function tokenFor(userId: string) {
  return (await createToken({ ctx: await ctxFor(t.db, userId), input: { name: "pm test" } })).token;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const engineer = await makeUser(t.db, { name: "Erin Engineer" });
  const outsider = await makeUser(t.db, { name: "Oscar Outsider" });
  const stakeholder = await makeUser(t.db, { role: "stakeholder", name: "Stella Stakeholder" });
  const foreign = await makeUser(t.db, { role: "stakeholder", name: "Fred Foreign" });
  const team = await makeTeam(t.db, [{ userId: engineer.id }]);
  const otherTeam = await makeTeam(t.db, [{ userId: outsider.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [stakeholder.id] });
  await makeClient(t.db, { teamIds: [otherTeam.id], stakeholderIds: [foreign.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  for (const title of ["Published one", "Draft one", "Review one"]) {
    const i = await makeIncident(t.db, service, { at: T0, title });
    await t.db.update(incidents).set({ status: "resolved", resolvedAt: new Date(T0.getTime() + 3_600_000), resolvedBy: engineer.id }).where(eq(incidents.id, i.id));
    ids[title] = (await ensureDraftPostmortem(t.db, i.id, new Date(T0.getTime() + 3_600_000)))!.id;
  }
  Object.assign(ids, { engineer: engineer.id, stakeholder: stakeholder.id, stakeholderEmail: stakeholder.email, engineerEmail: engineer.email });
  Object.assign(tok, { engineer: await tokenFor(engineer.id), outsider: await tokenFor(outsider.id), stakeholder: await tokenFor(stakeholder.id), foreign: await tokenFor(foreign.id) });
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const path = (id: string, rest = "") => `/api/v1/postmortems/${id}${rest}`;
const call = (handler: Parameters<typeof callRoute>[0], who: string, id: string, method = "POST", body?: unknown, rest = "") =>
  callRoute(handler, { method, path: path(id, rest), token: tok[who], params: { postmortemId: id }, body });

describe("post-mortems REST", () => {
  it("an engineer of the client edits, submits and publishes; published edits are 409 until a revision starts", async () => {
    const id = ids["Published one"]!;
    const patched = await call(oneRoute.PATCH, "engineer", id, "PATCH", { sections: { summary: "Cert expired.", contributing_factors: "Renewal had no alert." }, alertReal: "real", enoughInformation: true });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ status: "draft", blameHints: [], content: { sections: { summary: "Cert expired." }, alerting: { alertReal: "real", enoughInformation: true } } });
    const item = await call(itemsRoute.POST, "engineer", id, "POST", { title: "Alert 14 days before expiry", ownerId: ids.engineer, dueDate: "2026-12-01", type: "detect" }, "/action-items");
    expect(item.status).toBe(201);
    const itemId = item.json.data.actionItems[0].id;
    const moved = await callRoute(itemRoute.PATCH, { method: "PATCH", path: path(id, `/action-items/${itemId}`), token: tok.engineer, params: { postmortemId: id, itemId }, body: { status: "in_progress" } });
    expect(moved.json.data.actionItems[0]).toMatchObject({ status: "in_progress", owner: { name: "Erin Engineer" } });
    expect((await call(commentsRoute.POST, "engineer", id, "POST", { section: "summary", body: "Add the CA name" }, "/comments")).status).toBe(201);
    expect((await call(publishRoute.POST, "engineer", id)).status).toBe(409);
    expect((await call(submitRoute.POST, "engineer", id)).json.data.status).toBe("in_review");
    const pub = await call(publishRoute.POST, "engineer", id);
    expect(pub.json.data).toMatchObject({ status: "published", revision: 1 });
    const refused = await call(oneRoute.PATCH, "engineer", id, "PATCH", { sections: { summary: "changed" } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/revise/);
    expect((await call(reviseRoute.POST, "engineer", id)).json.data).toMatchObject({ status: "draft", revision: 1 });
    const md = await markdownRoute.GET(new NextRequest(`http://localhost:3000${path(id, "/markdown")}`, { headers: { authorization: `Bearer ${tok.engineer}` } }), { params: Promise.resolve({ postmortemId: id }) });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/);
    expect(await md.text()).toContain("### Summary\n\nCert expired.");
  });

  it("a stakeholder reads only published ones of their client, never internal rows, and cannot write", async () => {
    const pub = ids["Published one"]!;
    const draft = ids["Draft one"]!;
    const list = await callRoute(listRoute.GET, { path: "/api/v1/postmortems", token: tok.stakeholder });
    expect(list.json.data.map((p: { id: string }) => p.id)).toEqual([pub]);
    const got = await call(oneRoute.GET, "stakeholder", pub, "GET");
    expect(got.status).toBe(200);
    expect(got.json.data.content.sections.summary).toBe("Cert expired.");
    expect(got.json.data.content.facts.notifications).toEqual([]);
    expect(got.json.data.content.facts.timeline.every((r: { internal: boolean }) => !r.internal)).toBe(true);
    expect(got.json.data.comments).toEqual([]);
    expect((await call(oneRoute.GET, "stakeholder", draft, "GET")).status).toBe(404);
    expect((await call(oneRoute.PATCH, "stakeholder", pub, "PATCH", { sections: { summary: "x" } })).status).toBe(403);
    expect((await call(itemsRoute.POST, "stakeholder", pub, "POST", { title: "x", type: "fix" }, "/action-items")).status).toBe(403);
    expect((await call(meetingRoute.POST, "stakeholder", pub, "POST", { at: new Date(Date.now() + 86_400_000).toISOString(), attendeeIds: [ids.engineer] }, "/meeting")).status).toBe(403);
    expect((await call(oneRoute.GET, "foreign", pub, "GET")).status).toBe(404);
    expect((await callRoute(listRoute.GET, { path: "/api/v1/postmortems", token: tok.foreign })).json.data).toEqual([]);
  });

  it("an engineer not on the incident's client is refused", async () => {
    const draft = ids["Draft one"]!;
    expect((await call(oneRoute.GET, "outsider", draft, "GET")).status).toBe(404);
    expect((await call(oneRoute.PATCH, "outsider", draft, "PATCH", { sections: { summary: "x" } })).status).toBe(404);
    expect((await call(submitRoute.POST, "outsider", draft)).status).toBe(404);
    expect((await callRoute(listRoute.GET, { path: "/api/v1/postmortems", token: tok.outsider })).json.data).toEqual([]);
  });

  it("bad input is a 400 naming the field", async () => {
    const draft = ids["Draft one"]!;
    const bad = async (handler: Parameters<typeof callRoute>[0], body: unknown, rest = "", method = "POST") => (await call(handler, "engineer", draft, method, body, rest)).json.error;
    expect(await bad(oneRoute.PATCH, { alertReal: "maybe" }, "", "PATCH")).toMatchObject({ code: "invalid", issues: [{ path: "alertReal" }] });
    expect(await bad(oneRoute.PATCH, { sections: { who_did_it: "x" } }, "", "PATCH")).toMatchObject({ code: "invalid", issues: [expect.objectContaining({ path: expect.stringMatching(/^sections/) })] });
    expect(await bad(itemsRoute.POST, { title: "x", type: "blame" }, "/action-items")).toMatchObject({ issues: [{ path: "type" }] });
    expect(await bad(itemsRoute.POST, { title: "x", type: "fix", dueDate: "next week" }, "/action-items")).toMatchObject({ issues: [{ path: "dueDate" }] });
    expect(await bad(itemsRoute.POST, { title: "x", type: "fix", dueDate: "9999-12-31" }, "/action-items")).toMatchObject({ issues: [{ path: "dueDate", message: "Out of range: use a date between 1900 and 2199" }] });
    // An edit with nothing to change is a 400 (it was a 500: "No values to set").
    const added = await call(itemsRoute.POST, "engineer", draft, "POST", { title: "Rotate the key", type: "fix" }, "/action-items");
    const itemId = added.json.data.actionItems.at(-1).id as string;
    const empty = await callRoute(itemRoute.PATCH, { method: "PATCH", path: path(draft, `/action-items/${itemId}`), token: tok.engineer, params: { postmortemId: draft, itemId }, body: {} });
    expect({ status: empty.status, issues: empty.json.error.issues }).toEqual({ status: 400, issues: [{ path: "body", message: "Nothing to change: send title, ownerId, dueDate, status or type" }] });
    expect(await bad(commentsRoute.POST, { section: "summary", body: "" }, "/comments")).toMatchObject({ issues: [{ path: "body" }] });
    const late = await bad(meetingRoute.POST, { at: new Date(T0.getTime() + 20 * 86_400_000).toISOString(), attendeeIds: [ids.engineer] }, "/meeting");
    expect(late).toMatchObject({ code: "invalid", issues: [{ path: "at", message: expect.stringMatching(/within 14 days/) }] });
  });

  it("counts the alerting review's answers for reports (not for stakeholders)", async () => {
    const draft = ids["Draft one"]!;
    await call(oneRoute.PATCH, "engineer", draft, "PATCH", { alertReal: "no_issue", reachedRightPerson: "missed", enoughInformation: false });
    const got = await callRoute(reviewCountRoute.GET, { path: "/api/v1/postmortems/alerting-review", token: tok.engineer });
    expect(got.json.data).toEqual({ reviewed: 2, falseAlarms: 1, couldWait: 0, wrongPerson: 1, missed: 1, unableToHandle: 0, notEnoughInformation: 1 });
    expect((await callRoute(reviewCountRoute.GET, { path: "/api/v1/postmortems/alerting-review", token: tok.stakeholder })).status).toBe(403);
    expect((await callRoute(reviewCountRoute.GET, { path: "/api/v1/postmortems/alerting-review?since=yesterday", token: tok.engineer })).json.error.issues[0].path).toBe("query.since");
  });

  it("a stakeholder asked to review finds it in GET /postmortems and is notified; another client's stakeholder sees nothing", async () => {
    const id = ids["Review one"]!;
    const list = async (who: string, qs = "") => (await callRoute(listRoute.GET, { path: `/api/v1/postmortems${qs}`, token: tok[who] })).json;
    expect((await list("stakeholder")).data.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await list("stakeholder", "?awaitingMyReview=true")).data).toEqual([]);
    expect((await call(reviewersRoute.POST, "engineer", id, "POST", { userIds: [ids.engineer, ids.stakeholder] }, "/reviewers")).status).toBe(200);
    expect((await call(submitRoute.POST, "engineer", id)).json.data.status).toBe("in_review");

    const waiting = await list("stakeholder", "?awaitingMyReview=true");
    expect(waiting.data).toEqual([expect.objectContaining({ id, status: "in_review", revision: 0, awaitingMyReview: true })]);
    expect((await list("stakeholder")).data.map((p: { id: string }) => p.id)).toContain(id);
    expect((await call(oneRoute.GET, "stakeholder", id, "GET")).json.data).toMatchObject({ status: "in_review", awaitingMyReview: true, allowedTransitions: ["approve"] });
    // The stakeholder is told (in the app and by email, with the link); the engineer who submitted is not.
    const told = await t.db.select({ userId: notices.userId, kind: notices.kind, link: notices.link }).from(notices).where(eq(notices.link, `/postmortems/${id}`));
    expect(told).toEqual([{ userId: ids.stakeholder, kind: "postmortem_review", link: `/postmortems/${id}` }]);
    const mails = await t.db.select().from(outboxMessages).where(inArray(outboxMessages.to, [ids.stakeholderEmail!, ids.engineerEmail!]));
    const asked = mails.filter((m) => m.subject.startsWith("Review requested"));
    expect(asked.map((m) => [m.to, m.subject])).toEqual([[ids.stakeholderEmail, expect.stringMatching(/^Review requested: post-mortem of #\d+ Review one$/)]]);
    expect(asked[0]!.text).toContain(`/postmortems/${id}`);

    // Another client's stakeholder: nothing listed, the post-mortem a 404.
    expect((await list("foreign")).data).toEqual([]);
    expect((await list("foreign", "?awaitingMyReview=true")).data).toEqual([]);
    expect((await call(oneRoute.GET, "foreign", id, "GET")).status).toBe(404);
    expect((await call(approveRoute.POST, "foreign", id)).status).toBe(404);

    expect((await call(approveRoute.POST, "stakeholder", id)).status).toBe(200);
    expect((await list("stakeholder", "?awaitingMyReview=true")).data).toEqual([]);
    expect((await callRoute(listRoute.GET, { path: "/api/v1/postmortems?awaitingMyReview=maybe", token: tok.stakeholder })).json.error.issues[0].path).toBe("query.awaitingMyReview");
  });

  it("is in the OpenAPI document", async () => {
    const doc = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/postmortems", "/api/v1/postmortems/{postmortemId}", "/api/v1/postmortems/{postmortemId}/publish", "/api/v1/postmortems/{postmortemId}/markdown"]));
    expect(JSON.stringify(doc.paths["/api/v1/postmortems"])).toContain("awaitingMyReview");
  });
});
