/** Shared by the Inngest function tests (*.int.test.ts): a paging fixture, a pinned clock, and sleep mocks that move it. */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { asc, eq } from "drizzle-orm";
import { useDbHandle, type Database } from "@/db/client";
import { incidentEscalations, notifications, outboxMessages } from "@/db/schema";
import { makeClient, makePolicy, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { resetEnvCache } from "@/lib/env";
import { setTransport } from "@/lib/mailer";
import { setClock } from "./clock";

export const T0 = new Date("2026-11-23T07:00:00Z"); // Monday, 02:00 in New York
export const MIN = 60_000;
export const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * MIN + seconds * 1000);

/** A clock the functions read; tests and sleep mocks move it. */
export const clock = {
  current: T0,
  set(d: Date) {
    this.current = d;
  },
  install() {
    setClock(() => this.current);
  },
};

/** Alice holds a 24/7 schedule; Lena leads the team. Policy: the schedule (5 min), the leads (10 min), repeat once, failover to the leads and boss@example.com. */
export async function pagingFixture(db: Database) {
  const alice = await makeUser(db, { name: "Alice", timeZone: "America/New_York" });
  const bob = await makeUser(db, { name: "Bob" });
  const lena = await makeUser(db, { name: "Lena", role: "manager" });
  const team = await makeTeam(db, [{ userId: alice.id }, { userId: bob.id }, { userId: lena.id, isLead: true }]);
  const client = await makeClient(db, { teamIds: [team.id] });
  const { schedule } = await makeWeeklySchedule(db, { participantIds: [alice.id], teamId: team.id });
  const policy = await makePolicy(db, {
    levels: [
      { delayMinutes: 5, targets: [{ type: "schedule", id: schedule.id }] },
      { delayMinutes: 10, targets: [{ type: "team", id: team.id, scope: "leads" }] },
    ],
    repeat: 1,
    failover: { leads: true, userIds: [], emails: ["boss@example.com"] },
  });
  const service = await makeService(db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
  return { alice, bob, lena, team, client, schedule, policy, service };
}

/** A mocked sleep: "wakes up" when the escalation's next step is due, as Inngest would (the DB says when). */
export function wakeWhenDue(db: Database, incidentId: string) {
  return async () => {
    const [row] = await db.select({ nextDueAt: incidentEscalations.nextDueAt }).from(incidentEscalations).where(eq(incidentEscalations.incidentId, incidentId));
    if (row?.nextDueAt && row.nextDueAt > clock.current) clock.set(row.nextDueAt);
    return null;
  };
}

export async function pagesOf(db: Database, incidentId: string) {
  return db.select().from(notifications).where(eq(notifications.incidentId, incidentId)).orderBy(asc(notifications.createdAt), asc(notifications.level), asc(notifications.channel));
}

export async function mailsTo(db: Database, to: string) {
  return db.select().from(outboxMessages).where(eq(outboxMessages.to, to)).orderBy(asc(outboxMessages.createdAt));
}

/** The ids of the steps a mocked context saw, in order (`ctx.step.run`, `sleepUntil`… are spies). */
export function stepIds(fn: unknown): string[] {
  const calls = (fn as { mock: { calls: unknown[][] } }).mock.calls;
  return calls.map((c) => (typeof c[0] === "string" ? c[0] : (c[0] as { id: string }).id));
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
export type PagingFixture = Awaited<ReturnType<typeof pagingFixture>>;

/**
 * The suite's hooks: a fresh database with the paging fixture, the mailer on the outbox, links
 * signed with a test secret, and the clock pinned (back at T0 before each test). `ready` receives
 * the database and the fixture once they exist.
 */
export function setUpInngestSuite(ready: (t: TestDatabase, fx: PagingFixture) => void): void {
  let t: TestDatabase;
  beforeAll(async () => {
    process.env.AUTH_SECRET = "test-secret-for-email-action-links-0123456789";
    process.env.BATON_PUBLIC_URL = "http://baton.test";
    resetEnvCache();
    setTransport(undefined);
    t = await createTestDatabase();
    useDbHandle(t);
    clock.install();
    ready(t, await pagingFixture(t.db));
  });
  afterAll(async () => {
    setClock(undefined);
    useDbHandle(undefined);
    await t.drop();
  });
  beforeEach(() => clock.set(T0));
}
