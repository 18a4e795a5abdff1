import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}). ` +
        `PGlite allows one process per data folder: stop that process first, or point this one elsewhere ` +
        `(BATON_DATA_DIR=<another folder>, or DATABASE_URL=postgres://… for a shared server).`,
    );
    this.name = "DataDirLockedError";
  }
}

export type LockHolder = { pid: number; hostname: string; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder for this process (PGlite has no cross-process lock of its own and
 * a second writer silently corrupts it). A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dir: string, command = process.argv.slice(1).join(" ")): { release(): void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "baton.lock");
  const me: LockHolder = { pid: process.pid, hostname: os.hostname(), command: command || "node", startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid) throw new Error(`This process already holds ${dir}; open the database once per process.`);
      if (holder && holder.hostname === os.hostname() && isAlive(holder.pid)) throw new DataDirLockedError(dir, holder);
      if (holder && holder.hostname !== os.hostname()) throw new DataDirLockedError(dir, holder);
      // Stale: its owner is gone. Remove and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
