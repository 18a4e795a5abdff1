import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { NotFoundError } from "@/lib/errors";
import { getIncident, listIncidents } from "./read-incidents";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const NOW = new Date("2026-11-23T12:00:00Z");

describe("an engineer paged for another team's client", () => {
  it("may open and list the incident that paged them, and only that one", async () => {
    const [carol, erin] = [await makeUser(t.db, { name: "Carol Paged" }), await makeUser(t.db)];
    await makeTeam(t.db, [{ userId: carol.id }]); // Carol's team serves nobody here
    const security = await makeTeam(t.db, [{ userId: erin.id }]);
    const client = await makeClient(t.db, { teamIds: [security.id] });
    const service = await makeService(t.db, { clientId: client.id, teamId: security.id });
    // The service's policy pages the on-call of a schedule Carol is on (a shared night rota).
    const paged = await makeIncident(t.db, service, { at: NOW, title: "Paged Carol" });
    const other = await makeIncident(t.db, service, { at: NOW, title: "Did not page Carol" });
    const ctx = { ...(await ctxFor(t.db, carol.id)), now: NOW };

    await expect(getIncident(ctx, paged.id)).rejects.toBeInstanceOf(NotFoundError);
    await t.db.insert(notifications).values({ incidentId: paged.id, level: 0, repeat: 0, recipient: carol.id, userId: carol.id, channel: "email", state: "sent", createdAt: NOW });

    expect((await getIncident(ctx, paged.id)).title).toBe("Paged Carol");
    await expect(getIncident(ctx, other.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listIncidents(ctx, {})).data.map((i) => i.title)).toEqual(["Paged Carol"]);
  });
});
