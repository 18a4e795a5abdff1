import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientStakeholders, clientTeams, teamMembers, users, type Role } from "@/db/schema";

/** Who is asking, with the scope their role gives them. */
export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  /** Teams they are a member of. */
  teamIds: string[];
  /** Clients they may see: stakeholders their own, engineers those their teams serve; "all" for managers and admins. */
  clientIds: string[] | "all";
  via: "session" | "token";
};

export async function loadViewer(db: Queryable, userId: string, via: Viewer["via"]): Promise<Viewer | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.disabled, false)));
  if (!user) return null;
  const teamIds = (await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId))).map((r) => r.teamId);
  let clientIds: Viewer["clientIds"] = "all";
  if (user.role === "stakeholder") {
    clientIds = (await db.select({ id: clientStakeholders.clientId }).from(clientStakeholders).where(eq(clientStakeholders.userId, userId))).map((r) => r.id);
  } else if (user.role === "engineer") {
    clientIds =
      teamIds.length === 0
        ? []
        : [...new Set((await db.select({ id: clientTeams.clientId }).from(clientTeams).where(inArray(clientTeams.teamId, teamIds))).map((r) => r.id))];
  }
  return { userId: user.id, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone, teamIds, clientIds, via };
}
