import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { teamMembers, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { afterCursor, toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { UserOutput } from "./schemas";

export function toUserOutput(u: typeof users.$inferSelect): UserOutput {
  return { id: u.id, email: u.email, name: u.name, role: u.role, timeZone: u.timeZone, phone: u.phone, disabled: u.disabled, createdAt: u.createdAt.toISOString() };
}

/** Managers see everyone; engineers see the people of their own teams (and themselves). */
function scope(ctx: Ctx) {
  if (can(ctx.viewer, "users:manage")) return undefined;
  const teamIds = ctx.viewer.teamIds.length ? ctx.viewer.teamIds : [""];
  return or(
    eq(users.id, ctx.viewer.userId),
    inArray(users.id, ctx.db.select({ id: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds))),
  );
}

export async function listUsers(ctx: Ctx, query: PageQuery & { role?: UserOutput["role"] }): Promise<Page<UserOutput>> {
  await requirePermission(ctx, "users:read");
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(scope(ctx), query.role ? eq(users.role, query.role) : undefined, afterCursor(query.cursor, sql`lower(${users.name})` as never, users.id)))
    .orderBy(sql`lower(${users.name})`, asc(users.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.name.toLowerCase(), r.id], toUserOutput);
}

export async function getUser(ctx: Ctx, userId: string): Promise<UserOutput> {
  await requirePermission(ctx, "users:read", { type: "user", id: userId });
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, userId), scope(ctx)));
  if (!row) throw new NotFoundError("User");
  return toUserOutput(row);
}
