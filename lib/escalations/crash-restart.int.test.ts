import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { incidentTimeline, notifications } from "@/db/schema";
import { makeClient, makeIncident, makePolicy, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { startEscalation } from "./start-escalation";

/**
 * The server killed with SIGKILL between level 1 and level 2, then restarted: level 2 is notified
 * exactly once, within 5 s of the restart. The driver runs in a child process (the real embedded
 * driver, its clock shifted to make level 2 due); PostgreSQL from the test cluster, or PGlite in a
 * data folder the two processes open one after the other.
 */
let handle: DbHandle & { url?: string; drop?: () => Promise<void> };
let dataDir: string | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const t = await createTestDatabase();
  if (t.url) handle = t;
  else {
    await t.drop();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-crash-"));
    handle = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(handle);
  }
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  if (handle.drop) await handle.drop();
  else await handle.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the driver process; `startedAt` is when it is back up (its database open, the driver running): the restart. */
function startDriver(offsetMs: number): Promise<{ child: ChildProcess; startedAt: number; advanced: Promise<number> }> {
  const env = { ...process.env, BATON_TEST_CLOCK_OFFSET_MS: String(offsetMs), AUTH_SECRET: "crash-test-secret-0123456789abcdef", DATABASE_URL: handle.url ?? "", BATON_DATA_DIR: dataDir ?? ".data-unused" };
  const child = spawn(process.execPath, ["--import", "tsx", "db/test/driver-process.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  let markAdvanced: (at: number) => void = () => undefined;
  const advanced = new Promise<number>((r) => (markAdvanced = r));
  child.stdout!.on("data", (d) => String(d).includes("advanced") && markAdvanced(Date.now()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve({ child, startedAt: Date.now(), advanced }));
    child.on("exit", (code) => reject(new Error(`driver exited (${code}): ${err}`)));
  });
}

const killed = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", () => r())));

describe("crash and restart", () => {
  it("level 2 is notified exactly once, within 5 s of the restart", { timeout: 90_000 }, async () => {
    const db = handle.db;
    const alice = await makeUser(db, { name: "Alice" });
    const bob = await makeUser(db, { name: "Bob" });
    const team = await makeTeam(db, [{ userId: alice.id }, { userId: bob.id }]);
    const client = await makeClient(db, { teamIds: [team.id] });
    const policy = await makePolicy(db, { levels: [{ delayMinutes: 1, targets: [{ type: "user", id: alice.id }] }, { delayMinutes: 30, targets: [{ type: "user", id: bob.id }] }] });
    const service = await makeService(db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
    const now = new Date();
    const inc = await makeIncident(db, service, { at: now });
    await startEscalation(db, inc.id, now);
    const level = async (l: number) => (await handle.db.select({ n: count() }).from(notifications).where(and(eq(notifications.incidentId, inc.id), eq(notifications.level, l))))[0]!.n;

    // PGlite: one process per data folder, so the test lets go of it while the driver runs.
    if (dataDir) await handle.close();
    const first = await startDriver(0);
    // Level 1 notified (the process says so after its transaction committed).
    await Promise.race([first.advanced, new Promise((_, reject) => setTimeout(() => reject(new Error("level 1 was not notified within 20 s")), 20_000))]);
    first.child.kill("SIGKILL");
    await killed(first.child);
    if (dataDir) {
      handle = await openDatabase({ kind: "pglite", dataDir });
      expect(await level(0)).toBeGreaterThan(0);
      expect(await level(1)).toBe(0);
      await handle.close();
    } else {
      expect(await level(1)).toBe(0);
    }

    // Restart with the clock past level 2's due instant.
    const second = await startDriver(61_000);
    const advancedAt = await Promise.race([second.advanced, new Promise<number>((_, reject) => setTimeout(() => reject(new Error("level 2 was not notified within 20 s of the restart")), 20_000))]);
    expect(advancedAt - second.startedAt).toBeLessThanOrEqual(5000);
    await new Promise((r) => setTimeout(r, 1500)); // a few more ticks: nothing is written twice
    second.child.kill("SIGKILL");
    await killed(second.child);
    if (dataDir) handle = await openDatabase({ kind: "pglite", dataDir });
    const l2 = await handle.db.select().from(notifications).where(and(eq(notifications.incidentId, inc.id), eq(notifications.level, 1)));
    expect(l2.map((n) => n.channel).sort()).toEqual(["email", "in_app"]);
    expect(l2.every((n) => n.userId === bob.id)).toBe(true);
    const escalated = await handle.db.select({ n: count() }).from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, inc.id), eq(incidentTimeline.kind, "escalated")));
    expect(escalated[0]!.n).toBe(1);
    // Sent once: the email went out in that window too.
    expect(l2.find((n) => n.channel === "email")!.sends).toBe(1);
  });
});
