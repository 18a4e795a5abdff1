import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { listTimeZones } from "@/lib/core/time-zone";
import { listTeams } from "@/lib/teams/read-teams";
import { listUsers } from "@/lib/users/read-users";

/** Choices offered by the client editor: zones, teams and stakeholder accounts. */
export async function clientFormOptions(ctx: Ctx) {
  const [teams, stakeholders] = await Promise.all([
    can(ctx.viewer, "teams:read") ? listTeams(ctx, { limit: 200 }) : { data: [] },
    can(ctx.viewer, "users:manage") ? listUsers(ctx, { limit: 200, role: "stakeholder" }) : { data: [] },
  ]);
  return {
    timeZones: listTimeZones(),
    teams: teams.data.map((t) => ({ id: t.id, name: t.name })),
    stakeholders: stakeholders.data.filter((s) => !s.disabled).map((s) => ({ id: s.id, name: s.name, hint: s.email })),
  };
}
