import { can } from "@/lib/access/check";
import { listClients } from "@/lib/clients/read-clients";
import type { Ctx } from "@/lib/context";
import { listTimeZones } from "@/lib/core/time-zone";
import { listTeams } from "@/lib/teams/read-teams";

/** Choices offered by the schedule editor: zones, teams and clients (for holidays). */
export async function scheduleFormOptions(ctx: Ctx) {
  const [teams, clients] = await Promise.all([
    can(ctx.viewer, "teams:read") ? listTeams(ctx, { limit: 200 }) : { data: [] },
    can(ctx.viewer, "clients:read") ? listClients(ctx, { limit: 200 }) : { data: [] },
  ]);
  return {
    timeZones: listTimeZones(),
    teams: teams.data.map((t) => ({ id: t.id, name: t.name })),
    clients: clients.data.map((c) => ({ id: c.id, name: c.name })),
  };
}
