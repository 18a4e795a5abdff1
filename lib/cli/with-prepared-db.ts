import { openDatabase, optionsFromEnv, type DbHandle } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { env } from "@/lib/env";

/** Opens the configured database, migrates and seeds it as `npm start` would, runs `fn`, closes it. */
export async function withPreparedDb<T>(fn: (handle: DbHandle) => Promise<T>, log: (line: string) => void = () => {}): Promise<T> {
  const e = env();
  const handle = await openDatabase(optionsFromEnv());
  try {
    await prepareDatabase(handle, { now: new Date(), seedDemo: e.BATON_SEED_DEMO, adminEmails: e.BATON_ADMIN_EMAILS, url: e.DATABASE_URL, allowNonLocalSeed: e.BATON_ALLOW_NONLOCAL_SEED, log });
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
