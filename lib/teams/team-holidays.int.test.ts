import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, teamHolidays, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser } from "@/db/test/factories";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { createTeam } from "./create-team";
import { getTeam } from "./read-teams";
import { updateTeam } from "./update-team";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const holidaysOf = (teamId: string) => t.db.select({ date: teamHolidays.date, name: teamHolidays.name }).from(teamHolidays).where(eq(teamHolidays.teamId, teamId)).orderBy(teamHolidays.date);
const invalidPaths = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InvalidError);
  return (e as InvalidError).issues!.map((i) => i.path);
};

describe("a team's holiday calendar", () => {
  it("is saved on create, replaced as a whole on update, kept when not given, and read back in date order", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const ctx = await ctxFor(t.db, mgr.id);
    const name = `Holiday Desk ${Date.now().toString(36)}`;
    const created = await createTeam({ ctx, input: { name, holidays: [{ date: "2026-12-25", name: " Christmas Day " }, { date: "2026-11-26" }] } });
    expect(created.holidays).toEqual([
      { date: "2026-11-26", name: "" },
      { date: "2026-12-25", name: "Christmas Day" },
    ]);
    const kept = await updateTeam({ ctx, input: { teamId: created.id, description: "First line" } });
    expect(kept.holidays).toHaveLength(2);
    const replaced = await updateTeam({ ctx, input: { teamId: created.id, holidays: [{ date: "2027-01-01", name: "New Year's Day" }] } });
    expect(replaced.holidays).toEqual([{ date: "2027-01-01", name: "New Year's Day" }]);
    expect(await holidaysOf(created.id)).toEqual([{ date: "2027-01-01", name: "New Year's Day" }]);
    const cleared = await updateTeam({ ctx, input: { teamId: created.id, holidays: [] } });
    expect(cleared.holidays).toEqual([]);
    const audits = await t.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audits.map((a) => a.details)).toEqual(expect.arrayContaining([expect.objectContaining({ holidays: 2 }), expect.objectContaining({ holidays: 1 }), expect.objectContaining({ holidays: 0 })]));
  });

  it("refuses a bad or repeated date naming the field, and writes nothing", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const ctx = await ctxFor(t.db, mgr.id);
    const team = await makeTeam(t.db);
    await updateTeam({ ctx, input: { teamId: team.id, holidays: [{ date: "2026-07-03", name: "Independence Day (observed)" }] } });
    const good = { date: "2026-12-24", name: "Christmas Eve" };
    expect(await invalidPaths(updateTeam({ ctx, input: { teamId: team.id, name: "Renamed", holidays: [good, { date: "2026-12-25" }, { date: "2026-02-30" }] } }))).toEqual(["holidays.2.date"]);
    expect(await invalidPaths(updateTeam({ ctx, input: { teamId: team.id, name: "Renamed", holidays: [good, { date: "2026-12-25" }, { date: "2026-12-24" }] } }))).toEqual(["holidays.2.date"]);
    expect(await invalidPaths(updateTeam({ ctx, input: { teamId: team.id, holidays: [{ date: "2026-12-25", name: "x".repeat(121) }] } }))).toEqual(["holidays.0.name"]);
    // A name taken by another team fails inside the transaction: nothing of the edit is kept.
    const other = await makeTeam(t.db);
    await expect(updateTeam({ ctx, input: { teamId: team.id, name: other.name, holidays: [good] } })).rejects.toBeInstanceOf(ConflictError);
    expect((await t.db.select({ name: teams.name }).from(teams).where(eq(teams.id, team.id)))[0]!.name).toBe(team.name);
    expect(await holidaysOf(team.id)).toEqual([{ date: "2026-07-03", name: "Independence Day (observed)" }]);
    const name = `Never Made ${Date.now().toString(36)}`;
    expect(await invalidPaths(createTeam({ ctx, input: { name, holidays: [good, good] } }))).toEqual(["holidays.1.date"]);
    expect(await t.db.select().from(teams).where(eq(teams.name, name))).toEqual([]);
  });

  it("is written only by those who may manage teams, and read by the team's members", async () => {
    const engineer = await makeUser(t.db, { role: "engineer" });
    const stakeholder = await makeUser(t.db, { role: "stakeholder" });
    const team = await makeTeam(t.db, [{ userId: engineer.id, isLead: true }]);
    const mgr = await makeUser(t.db, { role: "manager" });
    await updateTeam({ ctx: await ctxFor(t.db, mgr.id), input: { teamId: team.id, holidays: [{ date: "2026-12-25", name: "Christmas Day" }] } });
    for (const who of [engineer, stakeholder]) {
      await expect(updateTeam({ ctx: await ctxFor(t.db, who.id), input: { teamId: team.id, holidays: [] } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createTeam({ ctx: await ctxFor(t.db, who.id), input: { name: `Nope ${who.id}`, holidays: [{ date: "2026-12-25" }] } })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await holidaysOf(team.id)).toEqual([{ date: "2026-12-25", name: "Christmas Day" }]);
    expect((await getTeam(await ctxFor(t.db, engineer.id), team.id)).holidays).toEqual([{ date: "2026-12-25", name: "Christmas Day" }]);
  });
});
