import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clientHolidays, clientStakeholders, clientTeams, teams, users } from "@/db/schema";
import { InvalidError } from "@/lib/errors";

/** Replaces a client's holidays, serving teams and stakeholders (each only when given). */
export async function saveClientLinks(
  tx: Tx,
  clientId: string,
  links: { holidays?: { date: string; name: string }[]; teamIds?: string[]; stakeholderIds?: string[] },
): Promise<void> {
  if (links.holidays) {
    await tx.delete(clientHolidays).where(eq(clientHolidays.clientId, clientId));
    if (links.holidays.length) await tx.insert(clientHolidays).values(links.holidays.map((h) => ({ clientId, ...h })));
  }
  if (links.teamIds) {
    const ids = [...new Set(links.teamIds)];
    if (ids.length) {
      const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids));
      if (found.length !== ids.length) throw InvalidError.field("teamIds", "Unknown team");
    }
    await tx.delete(clientTeams).where(eq(clientTeams.clientId, clientId));
    if (ids.length) await tx.insert(clientTeams).values(ids.map((teamId) => ({ clientId, teamId })));
  }
  if (links.stakeholderIds) {
    const ids = [...new Set(links.stakeholderIds)];
    if (ids.length) {
      const found = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids));
      if (found.length !== ids.length) throw InvalidError.field("stakeholderIds", "Unknown user");
      if (found.some((u) => u.role !== "stakeholder")) throw InvalidError.field("stakeholderIds", "Only people with the stakeholder role can be a client's stakeholders");
    }
    await tx.delete(clientStakeholders).where(eq(clientStakeholders.clientId, clientId));
    if (ids.length) await tx.insert(clientStakeholders).values(ids.map((userId) => ({ clientId, userId })));
  }
}
