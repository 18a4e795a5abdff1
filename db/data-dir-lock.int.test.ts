import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openDatabase } from "./client";
import { DataDirLockedError } from "./data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "baton-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Another process holding the folder: a real second PGlite owner, not a fake file. */
function holdInChild(dir: string): Promise<{ pid: number; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "db/test/hold-data-dir.ts", dir], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve({ pid: child.pid!, stop: () => child.kill("SIGKILL") }));
    child.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
}

describe.runIf(inject("testDb") === "pglite")("the embedded database folder lock", () => {
  it("a second process is refused at once with a message naming the holder; the data is intact", async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    await first.db.execute(sql`create table t (x int)`);
    await first.db.execute(sql`insert into t values (1)`);
    await first.close();

    const holder = await holdInChild(dir);
    try {
      const err = await openDatabase({ kind: "pglite", dataDir: dir }).catch((e) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect(String(err.message)).toContain(`process ${holder.pid}`);
      expect(String(err.message)).toContain("BATON_DATA_DIR");
    } finally {
      holder.stop();
    }
    // The holder was killed (SIGKILL): its lock is stale and is taken over.
    await new Promise((r) => setTimeout(r, 300));
    const again = await openDatabase({ kind: "pglite", dataDir: dir });
    const { rows } = (await again.db.execute(sql`select x from t`)) as unknown as { rows: { x: number }[] };
    expect(rows).toEqual([{ x: 1 }]);
    await again.close();
    expect(fs.existsSync(path.join(dir, "baton.lock"))).toBe(false);
  }, 60_000);

  it("the same process cannot open a folder twice", async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toThrow(/already holds/);
    await first.close();
  });
});
