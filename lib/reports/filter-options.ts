import { asc } from "drizzle-orm";
import { clients, services, teams } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { clientScope } from "@/lib/clients/read-clients";
import type { Ctx } from "@/lib/context";
import { serviceScope } from "@/lib/services/service-scope";
import { teamScope } from "@/lib/teams/read-teams";

export type FilterOption = { id: string; name: string };

/** At most this many of each list (as the page asked of the list use cases before). */
const LIMIT = 200;

/**
 * The reports filter bar's choices: the clients, teams and services the viewer may see, by name —
 * the same scopes as listClients, listTeams and listServices (clientScope, teamScope,
 * serviceScope), but only ids and names: those
 * use cases also read holidays, stakeholders, leads, key and open-incident counts…, a dozen
 * statements per page view that the filter bar never shows. No teams for stakeholders.
 */
export async function reportFilterOptions(ctx: Ctx): Promise<{ clients: FilterOption[]; teams: FilterOption[]; services: FilterOption[] }> {
  const v = ctx.viewer;
  await requirePermission(ctx, "clients:read");
  const [clientRows, teamRows, serviceRows] = await Promise.all([
    ctx.db.select({ id: clients.id, name: clients.name }).from(clients).where(clientScope(v)).orderBy(asc(clients.name), asc(clients.id)).limit(LIMIT),
    v.role !== "stakeholder" && can(v, "teams:read") ? ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(teamScope(v)).orderBy(asc(teams.name), asc(teams.id)).limit(LIMIT) : Promise.resolve([]),
    can(v, "services:read") ? ctx.db.select({ id: services.id, name: services.name }).from(services).where(serviceScope(v)).orderBy(asc(services.name), asc(services.id)).limit(LIMIT) : Promise.resolve([]),
  ]);
  return { clients: clientRows, teams: teamRows, services: serviceRows };
}
