/** `npm run db:migrate`: applies committed migrations to the configured database. */
import { loadEnvFiles } from "./load-env";

async function main() {
  loadEnvFiles();
  const { openDatabase, optionsFromEnv } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const handle = await openDatabase(optionsFromEnv());
  try {
    await migrateDatabase(handle);
    console.log(`migrated (${handle.kind})`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
