import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "./client";
import { escalationPolicies, schedules, services, teams } from "./schema";

/**
 * The demo "Standard" policy: the on-call of "Service Desk 24/7" (5 minutes), then the Service
 * Desk team's leads (10 minutes), repeated once, stopping on acknowledge; failover email to the
 * leads and manager@example.com. Set on both demo services. Runs after the demo schedules; a
 * second run changes nothing (the policy is matched by name, and a service that already has a
 * policy keeps it).
 */
export async function seedDemoPolicies(db: Queryable, now: Date): Promise<void> {
  const [desk] = await db.select({ id: schedules.id }).from(schedules).where(eq(schedules.name, "Service Desk 24/7"));
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Service Desk"));
  if (!desk || !team) return;
  await db
    .insert(escalationPolicies)
    .values({
      name: "Standard",
      description: "Whoever holds the Service Desk rotation first, then the desk's leads; once more round, then email the leads and the manager.",
      levels: [
        { delayMinutes: 5, targets: [{ type: "schedule", id: desk.id }] },
        { delayMinutes: 10, targets: [{ type: "team", id: team.id, scope: "leads" }] },
      ],
      repeat: 1,
      stopOn: "acknowledged",
      failover: { leads: true, userIds: [], emails: ["manager@example.com"] },
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: escalationPolicies.name });
  const [standard] = await db.select({ id: escalationPolicies.id }).from(escalationPolicies).where(eq(escalationPolicies.name, "Standard"));
  await db
    .update(services)
    .set({ escalationPolicyId: standard!.id, updatedAt: now })
    .where(and(inArray(services.name, ["Acme Dental Servers", "Globex Warehouse Network"]), isNull(services.escalationPolicyId)));
}
