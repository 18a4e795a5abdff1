import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { callRoute, type RouteHandler } from "@/db/test/route-call";
import type { BatonError } from "@/lib/errors";
import { listStakeholderUpdates } from "@/lib/communications/list-updates";
import { downloadEvidence } from "@/lib/evidence/download-evidence";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { registerEvidence } from "@/lib/evidence/register-evidence";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { listIncidentNotifications } from "@/lib/incidents/list-incident-notifications";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { exportPostmortemMarkdown } from "@/lib/postmortems/export-markdown";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { listPostmortemAttention } from "@/lib/postmortems/list-attention";
import { listPostmortems } from "@/lib/postmortems/list-postmortems";
import { transitionPostmortem } from "@/lib/postmortems/transition-postmortem";
import { createToken } from "@/lib/tokens/create-token";
import { assignRole } from "./assign-role";
import { breakGlass } from "./break-glass";
import { listChecklist } from "./list-checklist";
import { listParticipants } from "./list-participants";
import { listStatusUpdates } from "./list-status-updates";
import { setConfidential } from "./set-confidential";
import * as postmortemsRoute from "@/app/api/v1/postmortems/route";
import * as postmortemRoute from "@/app/api/v1/postmortems/[postmortemId]/route";
import * as markdownRoute from "@/app/api/v1/postmortems/[postmortemId]/markdown/route";
import * as evidenceRoute from "@/app/api/v1/incidents/[incidentId]/evidence/route";
import * as updatesRoute from "@/app/api/v1/incidents/[incidentId]/stakeholder-updates/route";
import * as timelineRoute from "@/app/api/v1/incidents/[incidentId]/timeline/route";
import * as checklistRoute from "@/app/api/v1/incidents/[incidentId]/checklist/route";
import * as participantsRoute from "@/app/api/v1/incidents/[incidentId]/participants/route";
import * as statusRoute from "@/app/api/v1/incidents/[incidentId]/status-updates/route";

/**
 * Need-to-know beyond the incident itself: everything hanging off a confidential incident (its
 * post-mortem in lists, detail, Markdown and the dashboard; evidence; stakeholder updates; the
 * workspace reads; who was paged) follows the incident's one rule, in the library and over REST.
 * The incident's own list, detail, search and break-glass are in workspace.int.test.ts.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-02T09:00:00Z");
const LATER = new Date("2026-11-20T09:00:00Z"); // 18 days after resolution: the meeting is overdue
const people: Record<string, { id: string; token: string }> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const roles = { manager: "manager", admin: "admin", participant: "engineer", paged: "engineer", bystander: "engineer", stakeholder: "stakeholder" } as const;
  for (const [key, role] of Object.entries(roles)) {
    const u = await makeUser(t.db, { role, name: `${key[0]!.toUpperCase()}${key.slice(1)} Person` });
    people[key] = { id: u.id, token: (await createToken({ ctx: await ctxFor(t.db, u.id), input: { name: key } })).token };
  }
  const team = await makeTeam(t.db, [{ userId: people.participant!.id }, { userId: people.paged!.id }, { userId: people.bystander!.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [people.stakeholder!.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const secret = await makeIncident(t.db, service, { at: T0, title: "Ransom note on the practice file server" });
  const open = await makeIncident(t.db, service, { at: T0, title: "Printer offline at reception" });
  ids.secret = secret.id;
  ids.open = open.id;

  const mgr = await ctxFor(t.db, people.manager!.id, new Date(T0.getTime() + 60_000));
  await assignRole({ ctx: mgr, input: { incidentId: secret.id, userId: people.participant!.id, role: "forensic_analyst" } });
  await setConfidential({ ctx: mgr, input: { incidentId: secret.id, confidential: true } });
  await t.db.insert(notifications).values({ incidentId: secret.id, level: 0, repeat: 0, recipient: people.paged!.id, userId: people.paged!.id, channel: "email", state: "sent", createdAt: T0, sentAt: T0 });
  ids.evidence = (await registerEvidence({ ctx: mgr, input: { incidentId: secret.id, name: "File server memory image", sha256: "a".repeat(64), location: "Evidence safe 2" } })).id;
  for (const incidentId of [secret.id, open.id]) {
    await acknowledgeIncident({ ctx: mgr, input: { incidentId } });
    await resolveIncident({ ctx: await ctxFor(t.db, people.manager!.id, new Date(T0.getTime() + 3_600_000)), input: { incidentId } });
  }
  const pms = (await listPostmortems(await ctxFor(t.db, people.manager!.id, LATER), {})).data;
  ids.secretPm = pms.find((p) => p.incident.id === secret.id)!.id;
  ids.openPm = pms.find((p) => p.incident.id === open.id)!.id;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const as = (who: string, now = LATER) => ctxFor(t.db, people[who]!.id, now);
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: BatonError) => e.code);
const pmIds = async (who: string) => (await listPostmortems(await as(who), {})).data.map((p) => p.id);
const attentionIds = async (who: string) => (await listPostmortemAttention(await as(who))).meetings.map((m) => m.postmortemId);
const get = (handler: unknown, who: string, path: string, params: Record<string, string> = {}) => callRoute(handler as RouteHandler, { path, token: people[who]!.token, params });

describe("need-to-know on every read path off a confidential incident", () => {
  it("the post-mortem draft: listed and flagged overdue for the manager, participant and paged person only", async () => {
    for (const who of ["manager", "participant", "paged"]) {
      expect(await pmIds(who)).toEqual(expect.arrayContaining([ids.secretPm, ids.openPm]));
      expect(await attentionIds(who)).toEqual(expect.arrayContaining([ids.secretPm, ids.openPm]));
    }
    // An admin (no glass broken) and a bystander on the same team see only the ordinary one.
    for (const who of ["admin", "bystander"]) {
      expect(await pmIds(who)).toEqual([ids.openPm]);
      expect(await attentionIds(who)).toEqual([ids.openPm]);
      expect(await code(getPostmortem(await as(who), ids.secretPm!))).toBe("not_found");
      expect(await code(exportPostmortemMarkdown(await as(who), ids.secretPm!))).toBe("not_found");
    }
    const list = await get(postmortemsRoute.GET, "admin", "/api/v1/postmortems");
    expect(list.status).toBe(200);
    expect(list.json.data.map((p: { id: string }) => p.id)).toEqual([ids.openPm]);
    expect((await get(postmortemRoute.GET, "bystander", "/x", { postmortemId: ids.secretPm! })).status).toBe(404);
    expect((await get(markdownRoute.GET, "admin", "/x", { postmortemId: ids.secretPm! })).status).toBe(404);
  });

  it("published: still hidden from the client's stakeholder (list, detail, Markdown, REST), while the ordinary one is readable", async () => {
    for (const pm of [ids.secretPm!, ids.openPm!]) {
      const ctx = await as("manager");
      await transitionPostmortem({ ctx, input: { postmortemId: pm, transition: "submit" } });
      await transitionPostmortem({ ctx, input: { postmortemId: pm, transition: "publish" } });
    }
    expect(await pmIds("stakeholder")).toEqual([ids.openPm]);
    expect(await code(getPostmortem(await as("stakeholder"), ids.secretPm!))).toBe("not_found");
    expect(await code(exportPostmortemMarkdown(await as("stakeholder"), ids.secretPm!))).toBe("not_found");
    expect((await get(postmortemsRoute.GET, "stakeholder", "/api/v1/postmortems")).json.data.map((p: { id: string }) => p.id)).toEqual([ids.openPm]);
    expect((await get(postmortemRoute.GET, "stakeholder", "/x", { postmortemId: ids.secretPm! })).status).toBe(404);
    expect((await get(postmortemRoute.GET, "stakeholder", "/x", { postmortemId: ids.openPm! })).status).toBe(200);
  });

  it("evidence, stakeholder updates, checklist, roles, status updates and notifications: 404 for a bystander and an admin, readable by a participant", async () => {
    const reads = {
      evidence: (ctx: Awaited<ReturnType<typeof as>>) => listEvidence(ctx, ids.secret!),
      download: (ctx: Awaited<ReturnType<typeof as>>) => downloadEvidence(ctx, ids.secret!, ids.evidence!),
      updates: (ctx: Awaited<ReturnType<typeof as>>) => listStakeholderUpdates(ctx, ids.secret!),
      checklist: (ctx: Awaited<ReturnType<typeof as>>) => listChecklist(ctx, ids.secret!),
      participants: (ctx: Awaited<ReturnType<typeof as>>) => listParticipants(ctx, ids.secret!),
      statusUpdates: (ctx: Awaited<ReturnType<typeof as>>) => listStatusUpdates(ctx, ids.secret!),
      notifications: (ctx: Awaited<ReturnType<typeof as>>) => listIncidentNotifications(ctx, ids.secret!),
    };
    for (const [name, read] of Object.entries(reads)) {
      expect([name, await code(read(await as("bystander")))]).toEqual([name, "not_found"]);
      expect([name, await code(read(await as("admin")))]).toEqual([name, "not_found"]);
    }
    for (const name of ["evidence", "participants", "statusUpdates", "notifications", "checklist"] as const) {
      expect([name, await code(reads[name](await as("participant")))]).toEqual([name, "ok"]);
    }
    const routes = { evidence: evidenceRoute, updates: updatesRoute, timeline: timelineRoute, checklist: checklistRoute, participants: participantsRoute, statusUpdates: statusRoute };
    for (const [name, route] of Object.entries(routes)) {
      expect([name, (await get(route.GET, "bystander", "/x", { incidentId: ids.secret! })).status]).toEqual([name, 404]);
      // Stakeholders never read the internal parts of any incident (403 whichever it is); the rest is a 404.
      const internalOnly = route === evidenceRoute || route === checklistRoute || route === participantsRoute;
      expect([name, (await get(route.GET, "stakeholder", "/x", { incidentId: ids.secret! })).status]).toEqual([name, internalOnly ? 403 : 404]);
    }
    expect((await get(evidenceRoute.GET, "participant", "/x", { incidentId: ids.secret! })).json.data).toEqual([expect.objectContaining({ name: "File server memory image" })]);
  });

  it("an admin who breaks the glass then finds the post-mortem listed and readable", async () => {
    const ctx = await as("admin");
    await breakGlass({ ctx, input: { incidentId: ids.secret!, reason: "Counsel asked for the report, ticket 5120" } });
    expect(await pmIds("admin")).toEqual(expect.arrayContaining([ids.secretPm, ids.openPm]));
    expect((await getPostmortem(await as("admin"), ids.secretPm!)).incident.title).toBe("Ransom note on the practice file server");
  });
});
