import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDatabase } from "./test/test-database";
import { prepareDatabase } from "./prepare";
import { seedDemoData, SeedRefusedError } from "./seed";
import { asc } from "drizzle-orm";
import { auditLog, clientAlertPolicies, clientHolidays, clients, clientStakeholders, priorityRules, services, teamHolidays, teamMembers, teams, users } from "./schema";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());
const now = new Date("2026-11-23T12:00:00Z");

describe("demo seed", () => {
  it("fills an empty database with the documented demo data", async () => {
    const result = await prepareDatabase(t, { now, seedDemo: true, adminEmails: ["ops-admin@example.org"], url: t.url ?? undefined, allowNonLocalSeed: false });
    expect(result).toEqual({ seeded: true, adminsCreated: ["ops-admin@example.org"] });
    const people = await t.db.select({ email: users.email, role: users.role }).from(users);
    expect(people).toEqual(
      expect.arrayContaining([
        { email: "admin@example.com", role: "admin" },
        { email: "manager@example.com", role: "manager" },
        { email: "alice@example.com", role: "engineer" },
        { email: "jane@acme.example", role: "stakeholder" },
        { email: "tom@globex.example", role: "stakeholder" },
        { email: "ops-admin@example.org", role: "admin" },
      ]),
    );
    expect(people).toHaveLength(13);
    const teamRows = await t.db.select({ name: teams.name, email: users.email, isLead: teamMembers.isLead }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).innerJoin(users, eq(users.id, teamMembers.userId));
    expect(teamRows.filter((r) => r.name === "Service Desk").map((r) => r.email).sort()).toEqual(["alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"]);
    expect(teamRows.filter((r) => r.isLead).map((r) => r.email).sort()).toEqual(["alice@example.com", "erin@example.com"]);
    const [acme] = await t.db.select().from(clients).where(eq(clients.name, "Acme Dental"));
    expect(acme!.timeZone).toBe("America/New_York");
    expect(acme!.businessHours.mon).toEqual([{ start: "08:00", end: "18:00" }]);
    expect(acme!.businessHours.sat).toEqual([]);
    const [globex] = await t.db.select().from(clients).where(eq(clients.name, "Globex Logistics"));
    expect(globex!.businessHours.sat).toEqual([{ start: "07:00", end: "19:00" }]);
    // This year's and next year's US federal holidays.
    expect((await t.db.select({ n: count() }).from(clientHolidays).where(eq(clientHolidays.clientId, acme!.id)))[0]!.n).toBe(22);
    const [desk] = await t.db.select().from(teams).where(eq(teams.name, "Service Desk"));
    expect((await t.db.select({ n: count() }).from(teamHolidays).where(eq(teamHolidays.teamId, desk!.id)))[0]!.n).toBe(22);
    expect((await t.db.select({ n: count() }).from(teamHolidays))[0]!.n).toBe(22);
    const jane = await t.db.select({ clientId: clientStakeholders.clientId }).from(clientStakeholders).innerJoin(users, eq(users.id, clientStakeholders.userId)).where(eq(users.email, "jane@acme.example"));
    expect(jane).toEqual([{ clientId: acme!.id }]);
    const svc = await t.db.select({ name: services.name, client: clients.name, team: teams.name }).from(services).innerJoin(clients, eq(clients.id, services.clientId)).innerJoin(teams, eq(teams.id, services.teamId)).orderBy(asc(services.name));
    expect(svc).toEqual([
      { name: "Acme Dental Servers", client: "Acme Dental", team: "Service Desk" },
      { name: "Globex Warehouse Network", client: "Globex Logistics", team: "Service Desk" },
    ]);
    const acmeRules = await t.db.select({ name: priorityRules.name, priority: priorityRules.priority }).from(priorityRules).where(eq(priorityRules.clientId, acme!.id)).orderBy(asc(priorityRules.position));
    expect(acmeRules).toEqual([
      { name: "Imaging or PMS down is urgent", priority: "high" },
      { name: "Backup warnings wait for business hours", priority: "low" },
    ]);
    const globexRules = await t.db.select({ name: priorityRules.name }).from(priorityRules).where(eq(priorityRules.clientId, globex!.id));
    expect(globexRules.map((r) => r.name).sort()).toEqual(["Handheld scanners are low", "Warehouse management system is urgent"]);
    expect(await t.db.select({ low: clientAlertPolicies.lowPriority }).from(clientAlertPolicies).where(eq(clientAlertPolicies.clientId, globex!.id))).toEqual([{ low: "record" }]);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["seed.demo", "user.create"]));
  });

  it("runs once: a second start neither seeds again nor duplicates admins", async () => {
    const result = await prepareDatabase(t, { now, seedDemo: true, adminEmails: ["ops-admin@example.org"], url: t.url ?? undefined });
    expect(result).toEqual({ seeded: false, adminsCreated: [] });
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(13);
  });

  it("refuses a database that already has users unless forced", async () => {
    await expect(seedDemoData(t, { now, url: t.url ?? undefined })).rejects.toBeInstanceOf(SeedRefusedError);
  });

  it("refuses a non-local database", async () => {
    const remote = { ...t, kind: "postgres" as const };
    await expect(seedDemoData(remote, { now, url: "postgres://u@db.example.com/baton" })).rejects.toThrow(/non-local/);
  });
});

describe("demo schedules", () => {
  it("Service Desk 24/7 always has someone; Security Operations follows the sun; one request is pending", async () => {
    const { schedules, swapRequests } = await import("./schema");
    const { loadEngineSchedule } = await import("@/lib/schedules/load-engine-schedule");
    const { shiftsBetween } = await import("@/lib/core/schedule");
    const rows = await t.db.select().from(schedules);
    expect(rows.map((r) => r.name).sort()).toEqual(["Security Operations", "Service Desk 24/7"]);
    for (const r of rows) {
      const from = now;
      const to = new Date(now.getTime() + 28 * 86_400_000);
      const loaded = await loadEngineSchedule(t.db, r.id, from, to);
      const shifts = shiftsBetween(loaded.engine, from.getTime(), to.getTime());
      expect(shifts.filter((s) => s.userId === null)).toEqual([]);
      if (r.name === "Security Operations") {
        const holderAt = (iso: string) => loaded.people.get(shifts.find((s) => s.start <= Date.parse(iso) && Date.parse(iso) < s.end)!.userId!)!.name;
        expect(holderAt("2026-11-24T15:00:00Z")).toMatch(/Erin|Frank/); // 10:00 New York
        expect(holderAt("2026-11-25T03:00:00Z")).toBe("Grace Hopkins"); // 22:00 New York
        // Heidi joins the London rotation from the handoff after next (an edit planned ahead): Grace alone until then.
        const london = loaded.layers.find((l) => l.name === "London (rest of the day)")!;
        const joins = loaded.engine.layers.find((l) => l.id === london.id)!.activeFrom!;
        expect(new Date(joins).toISOString()).toBe("2026-11-30T13:00:00.000Z"); // Monday 08:00 New York, the handoff after next
        const nightsHeld = shifts.filter((s) => s.layerId === london.id);
        expect(new Set(nightsHeld.filter((s) => s.end <= joins).map((s) => loaded.people.get(s.userId!)!.name))).toEqual(new Set(["Grace Hopkins"]));
        expect(new Set(nightsHeld.filter((s) => s.start >= joins).map((s) => loaded.people.get(s.userId!)!.name))).toEqual(new Set(["Grace Hopkins", "Heidi Larsen"]));
      }
    }
    const pending = await t.db.select().from(swapRequests).where(eq(swapRequests.status, "pending"));
    expect(pending).toHaveLength(1);
    expect(pending[0]!.kind).toBe("cover");
  });

  it("Service Desk 24/7 has a generated quarter: a quarter of plain rotation behind, 13 published weeks ahead around dave's week off, none back-to-back, the request made by next week's holder", async () => {
    const { schedules, layerAssignments, scheduleLayers, swapRequests, timeOff } = await import("./schema");
    const { loadEngineSchedule } = await import("@/lib/schedules/load-engine-schedule");
    const [desk] = await t.db.select().from(schedules).where(eq(schedules.name, "Service Desk 24/7"));
    const [layer] = await t.db.select().from(scheduleLayers).where(eq(scheduleLayers.scheduleId, desk!.id));
    const published = await t.db.select().from(layerAssignments).where(eq(layerAssignments.layerId, layer!.id)).orderBy(asc(layerAssignments.shiftIndex));
    expect(published).toHaveLength(13);
    const loaded = await loadEngineSchedule(t.db, desk!.id, now, new Date(now.getTime() + 100 * 86_400_000));
    // No client: its holidays are the Service Desk team's (Thanksgiving, Christmas, New Year's Day and MLK Day fall in the quarter).
    expect(desk!.clientId).toBeNull();
    expect(loaded.holidays).toEqual(expect.arrayContaining(["2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18"]));
    expect(loaded.holidays).toHaveLength(22);
    const nameOf = (userId: string) => loaded.people.get(userId)!.name;
    for (let i = 1; i < published.length; i++) expect(published[i]!.userId).not.toBe(published[i - 1]!.userId);
    const [away] = await t.db.select().from(timeOff);
    expect(nameOf(away!.userId)).toBe("Dave Patel");
    const engineLayer = loaded.engine.layers[0]!;
    const { rotationShiftByIndex } = await import("@/lib/core/schedule");
    const awayWeek = published.filter((a) => {
      const shift = rotationShiftByIndex(engineLayer, "America/New_York", a.shiftIndex)!;
      return shift.start < Date.parse(`${away!.toDate}T23:59:59-05:00`) && shift.end > Date.parse(`${away!.fromDate}T00:00:00-05:00`);
    });
    expect(awayWeek).toHaveLength(1);
    expect(nameOf(awayWeek[0]!.userId)).not.toBe("Dave Patel");
    // The plain rotation had dave that week: the generator changed hands there.
    expect(engineLayer.participants[awayWeek[0]!.shiftIndex % 4]).toBe(away!.userId);
    const counts = new Map<string, number>();
    for (const a of published) counts.set(a.userId, (counts.get(a.userId) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    // A quarter of plain rotation lies behind it (alice, first in the order, had a week more), so
    // the fairness report has history to read; over both quarters the weeks stay within one.
    expect(published[0]!.shiftIndex).toBeGreaterThanOrEqual(13);
    const history = Array.from({ length: published[0]!.shiftIndex }, (_, i) => engineLayer.participants[i % 4]!);
    expect(history.filter((u) => nameOf(u) === "Alice Nguyen").length).toBeGreaterThan(history.filter((u) => nameOf(u) === "Dave Patel").length);
    const both = new Map<string, number>();
    for (const u of [...history, ...published.map((a) => a.userId)]) both.set(u, (both.get(u) ?? 0) + 1);
    expect(Math.max(...both.values()) - Math.min(...both.values())).toBeLessThanOrEqual(1);
    const [request] = await t.db.select().from(swapRequests).where(eq(swapRequests.status, "pending"));
    expect(request!.requesterId).toBe(published.find((a) => a.shiftIndex === request!.shiftIndex)!.userId);
  });
});

describe("demo escalation policy", () => {
  it("Standard: the desk's on-call, then its leads, repeated once, failover to the leads and the manager; on both demo services; a second run changes nothing", async () => {
    const { escalationPolicies } = await import("./schema");
    const { seedDemoPolicies } = await import("./seed-escalation-policies");
    const { getPolicy } = await import("@/lib/escalation-policies/get-policy");
    const { ctxFor } = await import("./test/factories");
    const [standard] = await t.db.select().from(escalationPolicies).where(eq(escalationPolicies.name, "Standard"));
    expect(standard).toMatchObject({ repeat: 1, stopOn: "acknowledged", failover: { leads: true, userIds: [], emails: ["manager@example.com"] } });
    const svc = await t.db.select({ name: services.name, policy: services.escalationPolicyId }).from(services).orderBy(asc(services.name));
    expect(svc).toEqual([
      { name: "Acme Dental Servers", policy: standard!.id },
      { name: "Globex Warehouse Network", policy: standard!.id },
    ]);
    const [manager] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
    const view = await getPolicy(await ctxFor(t.db, manager!.id), standard!.id);
    expect(view.timeline).toEqual([
      "0 min: on-call of Service Desk 24/7",
      "5 min: leads of Service Desk",
      "15 min: repeat once (every 15 min)",
      "30 min: failover email to the team leads, manager@example.com",
      "Stops when a page is acknowledged.",
    ]);
    await seedDemoPolicies(t.db, now);
    expect(await t.db.select({ id: escalationPolicies.id }).from(escalationPolicies)).toEqual([{ id: standard!.id }]);
  });
});
