import { ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import type { Facts } from "@/lib/core/postmortems";

/** The names the blameless check looks for: the organisation's people (not stakeholders) and the incident's responders. */
export async function blamelessNames(db: Queryable, facts: Facts): Promise<string[]> {
  const staff = await db.select({ name: users.name }).from(users).where(ne(users.role, "stakeholder")).limit(5000);
  return [...new Set([...staff.map((s) => s.name), ...facts.responders.map((r) => r.name)].filter(Boolean))];
}
