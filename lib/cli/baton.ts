/**
 * The admin CLI: `npm run baton -- <command> [--flags]`. How the first admin of a real
 * deployment is made. On the embedded database the server must be stopped (one process per folder).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadEnvFiles } from "./load-env";

const USAGE = `Usage: npm run baton -- <command> [options]

Commands:
  user:create  --email E --name N --role admin|manager|engineer|stakeholder [--time-zone Z]
  token:create --email E --name N        prints the new API token alone on the last line
  token:revoke --prefix P | --id ID
  integration:create --service NAME [--name LABEL]   prints the new routing key alone on the last line
  db:status                                driver, migrations and row counts`;

async function main(argv: string[]) {
  loadEnvFiles();
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, "time-zone": { type: "string" }, prefix: { type: "string" }, id: { type: "string" }, service: { type: "string" } },
    strict: true,
  });
  const { withPreparedDb } = await import("./with-prepared-db");
  const { cliContext, findUserIdByEmail } = await import("./cli-context");
  const { BatonError } = await import("@/lib/errors");
  try {
    await withPreparedDb(async (handle) => {
      const ctx = cliContext(handle.db);
      switch (command) {
        case "user:create": {
          const { inviteUser } = await import("@/lib/users/invite-user");
          const user = await inviteUser({ ctx, input: { email: values.email, name: values.name, role: values.role, timeZone: values["time-zone"] ?? "UTC", sendInvite: false } });
          console.log(`created ${user.role} ${user.email} (${user.id})`);
          return;
        }
        case "token:create": {
          const args = z.object({ email: z.string(), name: z.string() }).parse(values);
          const userId = await findUserIdByEmail(handle.db, args.email);
          const { createToken } = await import("@/lib/tokens/create-token");
          const { token, record } = await createToken({ ctx, input: { name: args.name, userId } });
          console.log(`token ${record.prefix} created for ${args.email}; it is shown once:`);
          console.log(token);
          return;
        }
        case "token:revoke": {
          const { revokeToken } = await import("@/lib/tokens/revoke-token");
          const { findTokenId } = await import("./cli-context");
          const tokenId = values.id ?? (values.prefix ? await findTokenId(handle.db, values.prefix) : undefined);
          const record = await revokeToken({ ctx, input: { tokenId } });
          console.log(`revoked token ${record.prefix}`);
          return;
        }
        case "integration:create": {
          const args = z.object({ service: z.string().min(1, "Name the service"), name: z.string().default("CLI") }).parse(values);
          const { findServiceIdByName } = await import("./cli-context");
          const serviceId = await findServiceIdByName(handle.db, args.service);
          const { createIntegrationKey } = await import("@/lib/services/integration-keys");
          const { key, record } = await createIntegrationKey({ ctx, input: { serviceId, name: args.name } });
          console.log(`integration key ${record.prefix}… created for ${args.service}; send events to POST /v2/enqueue with this routing_key (shown once):`);
          console.log(key);
          return;
        }
        case "db:status": {
          const { databaseStatus } = await import("./cli-context");
          const status = await databaseStatus(handle);
          for (const [k, v] of Object.entries(status)) console.log(`${k}: ${v}`);
          return;
        }
        default:
          throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
      }
    });
  } catch (e) {
    if (e instanceof BatonError) {
      console.error(`error (${e.code}): ${e.message}`);
      for (const i of e.issues ?? []) console.error(`  --${i.path}: ${i.message}`);
      process.exit(2);
    }
    if (e instanceof z.ZodError) {
      console.error(e.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n"));
      process.exit(2);
    }
    throw e;
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
