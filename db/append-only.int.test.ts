import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { evidenceCustody, evidenceItems, incidents, postmortemRevisions, postmortems } from "@/db/schema";
import { makeClient, makeIncident, makeService, makeTeam } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("append-only tables", () => {
  it("the chain of custody and published revisions refuse UPDATE and DELETE; deleting the incident still cascades", async () => {
    const team = await makeTeam(t.db);
    const client = await makeClient(t.db, { teamIds: [team.id] });
    const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
    const now = new Date("2026-11-23T12:00:00Z");
    const inc = await makeIncident(t.db, service, { at: now });
    const [ev] = await t.db.insert(evidenceItems).values({ incidentId: inc.id, name: "memory.raw", collectedAt: now, sha256: "a".repeat(64), createdAt: now }).returning();
    const [c] = await t.db.insert(evidenceCustody).values({ evidenceId: ev!.id, at: now, fromLabel: "Alice", toLabel: "Forensics locker" }).returning();
    await expect(t.db.update(evidenceCustody).set({ toLabel: "somewhere else" }).where(eq(evidenceCustody.id, c!.id))).rejects.toThrow();
    await expect(t.db.delete(evidenceCustody).where(eq(evidenceCustody.id, c!.id))).rejects.toThrow();
    const [pm] = await t.db.insert(postmortems).values({ incidentId: inc.id, facts: {}, createdAt: now, updatedAt: now }).returning();
    const [rev] = await t.db.insert(postmortemRevisions).values({ postmortemId: pm!.id, revision: 1, content: { summary: "x" }, publishedAt: now }).returning();
    await expect(t.db.update(postmortemRevisions).set({ content: { summary: "rewritten" } }).where(eq(postmortemRevisions.id, rev!.id))).rejects.toThrow();
    await t.db.delete(incidents).where(eq(incidents.id, inc.id));
    expect(await t.db.select().from(evidenceCustody).where(eq(evidenceCustody.evidenceId, ev!.id))).toHaveLength(0);
    expect(await t.db.select().from(postmortemRevisions).where(eq(postmortemRevisions.postmortemId, pm!.id))).toHaveLength(0);
  });
});
