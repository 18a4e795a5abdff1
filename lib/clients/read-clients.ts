import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientHolidays, clients, clientStakeholders, clientTeams, teams, users } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import type { Viewer } from "@/lib/access/viewer";
import { afterCursor, toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { ClientOutput } from "./schemas";

type ClientRow = typeof clients.$inferSelect;

async function expand(db: Queryable, rows: ClientRow[], viewer: Viewer): Promise<ClientOutput[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [holidays, teamRows, stakeholderRows] = await Promise.all([
    db.select().from(clientHolidays).where(inArray(clientHolidays.clientId, ids)).orderBy(asc(clientHolidays.date)),
    db
      .select({ clientId: clientTeams.clientId, id: teams.id, name: teams.name })
      .from(clientTeams)
      .innerJoin(teams, eq(teams.id, clientTeams.teamId))
      .where(inArray(clientTeams.clientId, ids))
      .orderBy(asc(teams.name)),
    db
      .select({ clientId: clientStakeholders.clientId, userId: users.id, name: users.name, email: users.email })
      .from(clientStakeholders)
      .innerJoin(users, eq(users.id, clientStakeholders.userId))
      .where(inArray(clientStakeholders.clientId, ids))
      .orderBy(asc(users.name)),
  ]);
  // Stakeholders see their client's own data, not the MSP's team structure or other contacts' addresses.
  const internal = viewer.role !== "stakeholder";
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    businessHours: r.businessHours,
    holidays: holidays.filter((h) => h.clientId === r.id).map((h) => ({ date: h.date, name: h.name })),
    notes: internal ? r.notes : "",
    slaTargets: r.slaTargets ?? {},
    teams: internal ? teamRows.filter((t) => t.clientId === r.id).map(({ id, name }) => ({ id, name })) : [],
    stakeholders: internal ? stakeholderRows.filter((s) => s.clientId === r.id).map(({ userId, name, email }) => ({ userId, name, email })) : [],
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The clients a viewer may see, as a condition (undefined: all of them). */
export function clientScope(viewer: Viewer) {
  return viewer.clientIds === "all" ? undefined : inArray(clients.id, viewer.clientIds.length ? viewer.clientIds : [""]);
}

export async function listClients(ctx: Ctx, query: PageQuery): Promise<Page<ClientOutput>> {
  await requirePermission(ctx, "clients:read");
  const scope = clientScope(ctx.viewer);
  const rows = await ctx.db
    .select()
    .from(clients)
    .where(and(scope, afterCursor(query.cursor, clients.name, clients.id)))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id], (r) => r);
  return { data: await expand(ctx.db, page.data, ctx.viewer), nextCursor: page.nextCursor };
}

/** For reads of a client's parts (contacts, alert policy): an unknown client is a 404, not an empty answer. */
export async function requireClientExists(db: Queryable, clientId: string): Promise<void> {
  const [row] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!row) throw new NotFoundError("Client");
}

export async function getClient(ctx: Ctx, clientId: string): Promise<ClientOutput> {
  await requireClientVisible(ctx, clientId);
  const [row] = await ctx.db.select().from(clients).where(eq(clients.id, clientId));
  if (!row) throw new NotFoundError("Client");
  return (await expand(ctx.db, [row], ctx.viewer))[0]!;
}
