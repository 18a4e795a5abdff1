import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, evidenceCustody, evidenceItems, incidentTimeline } from "@/db/schema";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { resetEnvCache } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { downloadEvidence } from "./download-evidence";
import { listEvidence } from "./list-evidence";
import { recordHandover } from "./record-handover";
import { registerEvidence } from "./register-evidence";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDatabase();
  const engineer = await makeUser(t.db, { role: "engineer", name: "Erin Engineer" });
  const outsider = await makeUser(t.db, { role: "engineer" });
  const stakeholder = await makeUser(t.db, { role: "stakeholder" });
  const team = await makeTeam(t.db, [{ userId: engineer.id }]);
  const otherTeam = await makeTeam(t.db, [{ userId: outsider.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [stakeholder.id] });
  await makeClient(t.db, { teamIds: [otherTeam.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const incident = await makeIncident(t.db, service, { at: new Date("2026-11-23T11:00:00Z") });
  Object.assign(ids, { engineer: engineer.id, outsider: outsider.id, stakeholder: stakeholder.id, incident: incident.id });
});
afterAll(async () => {
  await t.drop();
});

describe("evidence register", () => {
  it("computes the SHA-256 of an upload, keeps the bytes and starts the chain of custody", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    const bytes = new TextEncoder().encode("memory image of pms-01\n".repeat(100));
    const ev = await registerEvidence({ ctx, input: { incidentId: ids.incident, name: "pms-01.raw", method: "winpmem", location: "Baton", heldBy: "Forensics locker" }, upload: { bytes, contentType: "application/octet-stream" } });
    expect(ev.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(ev).toMatchObject({ size: bytes.byteLength, stored: true, collectedBy: { id: ids.engineer } });
    expect(ev.custody).toEqual([expect.objectContaining({ from: "Erin Engineer", to: "Forensics locker", purpose: "Collected" })]);
    const file = await downloadEvidence(ctx, ids.incident!, ev.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
    const [row] = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.incident!), eq(incidentTimeline.kind, "evidence")));
    expect(row).toMatchObject({ internal: true });
  });

  it("records evidence kept elsewhere with an entered SHA-256 (validated) and a location", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    await expect(registerEvidence({ ctx, input: { incidentId: ids.incident, name: "disk.e01", sha256: "xyz", location: "Safe 2" } })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "sha256" }] });
    await expect(registerEvidence({ ctx, input: { incidentId: ids.incident, name: "disk.e01" } })).rejects.toMatchObject({ issues: [{ path: "sha256" }] });
    await expect(registerEvidence({ ctx, input: { incidentId: ids.incident, name: "disk.e01", sha256: "AB".repeat(32) } })).rejects.toMatchObject({ issues: [{ path: "location" }] });
    const ev = await registerEvidence({ ctx, input: { incidentId: ids.incident, name: "disk.e01", sha256: "AB".repeat(32), location: "Evidence safe 2, Leeds office" } });
    expect(ev).toMatchObject({ sha256: "ab".repeat(32), stored: false, size: null });
    await expect(downloadEvidence(ctx, ids.incident!, ev.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses an upload over EVIDENCE_MAX_BYTES, naming the limit", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    process.env.EVIDENCE_MAX_BYTES = "1024";
    resetEnvCache();
    try {
      await expect(registerEvidence({ ctx, input: { incidentId: ids.incident, name: "big.bin" }, upload: { bytes: new Uint8Array(2048) } })).rejects.toThrow(/limited to 1 KiB \(EVIDENCE_MAX_BYTES\)/);
    } finally {
      delete process.env.EVIDENCE_MAX_BYTES;
      resetEnvCache();
    }
  });

  it("handovers append to the custody trail, whose rows cannot be edited or deleted", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    const ev = await registerEvidence({ ctx, input: { incidentId: ids.incident, name: "firewall.log", location: "Baton" }, upload: { bytes: new TextEncoder().encode("deny tcp 10.0.0.5") } });
    const after = await recordHandover({ ctx, input: { incidentId: ids.incident, evidenceId: ev.id, to: "Dana (outside counsel)", purpose: "Legal review" } });
    expect(after.custody.map((c) => [c.from, c.to])).toEqual([
      ["Erin Engineer", "Baton"],
      ["Baton", "Dana (outside counsel)"],
    ]);
    await expect(t.db.update(evidenceCustody).set({ toLabel: "nobody" }).where(eq(evidenceCustody.evidenceId, ev.id))).rejects.toThrow();
    await expect(t.db.delete(evidenceCustody).where(eq(evidenceCustody.evidenceId, ev.id))).rejects.toThrow();
    expect((await listEvidence(ctx, ids.incident!)).find((e) => e.id === ev.id)!.custody).toHaveLength(2);
    const [timeline] = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.incident!), eq(incidentTimeline.kind, "custody")));
    expect(timeline!.message).toContain("Dana (outside counsel)");
  });

  it("a download re-hashes: tampered bytes are refused with an integrity error, on the timeline and in the audit log", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    const ev = await registerEvidence({ ctx, input: { incidentId: ids.incident, name: "auth.log" }, upload: { bytes: new TextEncoder().encode("Accepted password for root") } });
    await t.db.update(evidenceItems).set({ content: Buffer.from("Accepted password for nobody") }).where(eq(evidenceItems.id, ev.id));
    await expect(downloadEvidence(ctx, ids.incident!, ev.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("failed its integrity check") });
    const rows = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.incident!), sql`${incidentTimeline.message} like 'Integrity check failed for auth.log%'`));
    expect(rows).toHaveLength(1);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "evidence.integrity_failed"), eq(auditLog.targetId, ev.id)));
    expect(audits).toHaveLength(1);
  });

  it("stakeholders never see evidence; an engineer of another client's team gets not found", async () => {
    const stakeholder = await ctxFor(t.db, ids.stakeholder!);
    await expect(listEvidence(stakeholder, ids.incident!)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerEvidence({ ctx: stakeholder, input: { incidentId: ids.incident, name: "x", sha256: "a".repeat(64), location: "y" } })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await ctxFor(t.db, ids.outsider!);
    await expect(listEvidence(outsider, ids.incident!)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("evidence from the web form", () => {
  it("empty optional fields (collected at, held by, SHA-256) count as not given", async () => {
    const ctx = await ctxFor(t.db, ids.engineer!);
    const ev = await registerEvidence({ ctx, input: { incidentId: ids.incident, name: "notes.txt", collectedAt: "", heldBy: "", sha256: "", location: "", method: "" }, upload: { bytes: new TextEncoder().encode("x") } });
    expect(ev.collectedAt).toBe("2026-11-23T12:00:00.000Z");
    expect(ev.custody[0]!.to).toBe("Erin Engineer");
  });
});
