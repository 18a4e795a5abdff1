import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, isNull } from "drizzle-orm";
import { createTestDatabase } from "./test/test-database";
import { prepareDatabase } from "./prepare";
import { seedDemoCommunications } from "./seed-communications";
import { clientContacts, clients, messageTemplates } from "./schema";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());
const now = new Date("2026-11-23T12:00:00Z");

describe("demo communications seed", () => {
  it("gives every client a template per audience and Acme Dental a directory with management; a second run adds nothing", async () => {
    await prepareDatabase(t, { now, seedDemo: true, adminEmails: [], url: t.url ?? undefined, allowNonLocalSeed: false });
    const templates = await t.db.select().from(messageTemplates).where(isNull(messageTemplates.clientId));
    expect(templates.map((x) => x.audience).sort()).toEqual(["customer", "legal", "management", "owner", "vendor"]);
    const [acme] = await t.db.select().from(clients).where(eq(clients.name, "Acme Dental"));
    const contacts = await t.db.select().from(clientContacts).where(eq(clientContacts.clientId, acme!.id));
    expect(contacts).toEqual(expect.arrayContaining([expect.objectContaining({ role: "management", email: "jane@acme.example" })]));
    await seedDemoCommunications(t.db, now);
    expect(await t.db.select().from(messageTemplates)).toHaveLength(templates.length);
    expect(await t.db.select().from(clientContacts)).toHaveLength(contacts.length);
  });
});
