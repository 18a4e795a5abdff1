import { count, eq } from "drizzle-orm";
import type { DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { users } from "./schema";
import { seedDemoData } from "./seed";
import { seedDemoCommunications } from "./seed-communications";
import { seedDemoPolicies } from "./seed-escalation-policies";
import { seedIncidentTypes } from "./seed-incident-types";
import { seedDemoSchedules } from "./seed-schedules";
import { recordAudit } from "@/lib/audit/record";

const systemAudit = (now: Date) => ({ meta: { ip: null, requestId: `start-${crypto.randomUUID()}` }, now });

export type PrepareOptions = { now: Date; seedDemo: boolean; adminEmails: string[]; url?: string; allowNonLocalSeed?: boolean; log?: (line: string) => void };

/**
 * What `npm start` and the CLI do before anything else: apply migrations, give an empty
 * database the demo data, and make sure the admins named in BATON_ADMIN_EMAILS exist.
 */
export async function prepareDatabase(handle: DbHandle, opts: PrepareOptions): Promise<{ seeded: boolean; adminsCreated: string[] }> {
  const log = opts.log ?? (() => {});
  await migrateDatabase(handle);
  log(`database migrated (${handle.kind})`);
  await seedIncidentTypes(handle.db, opts.now);
  const [row] = await handle.db.select({ n: count() }).from(users);
  let seeded = false;
  if ((row?.n ?? 0) === 0 && opts.seedDemo) {
    await seedDemoData(handle, { now: opts.now, url: opts.url, allowNonLocal: opts.allowNonLocalSeed });
    await seedDemoSchedules(handle.db, opts.now);
    await seedDemoPolicies(handle.db, opts.now);
    await seedDemoCommunications(handle.db, opts.now);
    seeded = true;
    await recordAudit(handle.db, systemAudit(opts.now), { action: "seed.demo", actorLabel: "system", details: { reason: "empty database on start" } });
    log("empty database: demo data written (see README for the demo accounts)");
  }
  const adminsCreated: string[] = [];
  for (const email of opts.adminEmails) {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) continue;
    await handle.db.insert(users).values({ email, name: email.split("@")[0] ?? email, role: "admin", createdAt: opts.now, updatedAt: opts.now });
    adminsCreated.push(email);
    await recordAudit(handle.db, systemAudit(opts.now), { action: "user.create", actorLabel: "BATON_ADMIN_EMAILS", targetType: "user", details: { email, role: "admin" } });
    log(`admin created from BATON_ADMIN_EMAILS: ${email}`);
  }
  return { seeded, adminsCreated };
}
