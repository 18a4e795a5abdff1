import { count, eq, sql } from "drizzle-orm";
import type { Database, DbHandle } from "@/db/client";
import { apiTokens, auditLog, clients, services, teams, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";

/** The CLI acts as an admin, recorded in the audit log as "admin-cli". */
export function cliContext(db: Database): Ctx {
  return {
    db,
    viewer: { userId: "admin-cli", email: "admin-cli", name: "Admin CLI", role: "admin", timeZone: "UTC", teamIds: [], clientIds: "all", via: "session" },
    meta: { ip: null, requestId: `cli-${crypto.randomUUID()}` },
    now: new Date(),
  };
}

export async function findUserIdByEmail(db: Database, email: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!u) throw new NotFoundError(`User ${email}`);
  return u.id;
}

export async function findServiceIdByName(db: Database, name: string): Promise<string> {
  const [s] = await db.select({ id: services.id }).from(services).where(eq(services.name, name.trim()));
  if (!s) throw new NotFoundError(`Service "${name}"`);
  return s.id;
}

export async function findTokenId(db: Database, prefix: string): Promise<string> {
  const [t] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.prefix, prefix));
  if (!t) throw new NotFoundError(`Token ${prefix}`);
  return t.id;
}

export async function databaseStatus(handle: DbHandle): Promise<Record<string, string | number>> {
  const db = handle.db;
  const n = async (table: typeof users | typeof teams | typeof clients | typeof apiTokens | typeof auditLog) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const migrations = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return {
    driver: handle.kind,
    migrations: Number((migrations as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0),
    users: await n(users),
    teams: await n(teams),
    clients: await n(clients),
    apiTokens: await n(apiTokens),
    auditRows: await n(auditLog),
  };
}
