/** `npm run db:seed [-- --force]`: demo data into an empty local database. */
import { loadEnvFiles } from "./load-env";

async function main() {
  loadEnvFiles();
  const { openDatabase, optionsFromEnv } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemoData } = await import("@/db/seed");
  const { env } = await import("@/lib/env");
  const handle = await openDatabase(optionsFromEnv());
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle, { now: new Date(), url: env().DATABASE_URL, force: process.argv.includes("--force"), allowNonLocal: env().BATON_ALLOW_NONLOCAL_SEED });
    const { seedDemoSchedules } = await import("@/db/seed-schedules");
    await seedDemoSchedules(handle.db, new Date());
    const { seedDemoPolicies } = await import("@/db/seed-escalation-policies");
    await seedDemoPolicies(handle.db, new Date());
    const { seedDemoCommunications } = await import("@/db/seed-communications");
    await seedDemoCommunications(handle.db, new Date());
    const { seedIncidentTypes } = await import("@/db/seed-incident-types");
    await seedIncidentTypes(handle.db, new Date());
    console.log("demo data written");
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
