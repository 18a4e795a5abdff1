/**
 * A stand-alone embedded driver for the crash test: opens the database named by the environment
 * (DATABASE_URL, or BATON_DATA_DIR for PGlite), runs the escalation driver with its clock shifted
 * by BATON_TEST_CLOCK_OFFSET_MS (time injected from outside), prints "ready", and runs until killed.
 */
import { openDatabase, optionsFromEnv, useDbHandle as installDbHandle } from "@/db/client";
import { startEmbeddedDriver } from "@/lib/escalations/embedded-driver";

async function main() {
  const offset = Number(process.env.BATON_TEST_CLOCK_OFFSET_MS ?? 0);
  const handle = await openDatabase(optionsFromEnv());
  installDbHandle(handle);
  // Each tick that did something is reported, so the test can time it without opening the database.
  startEmbeddedDriver(async () => handle.db, 1000, () => new Date(Date.now() + offset), (s) => s.steps > 0 && console.log(`advanced ${JSON.stringify(s)}`));
  console.log("ready");
  setInterval(() => undefined, 1 << 30);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
