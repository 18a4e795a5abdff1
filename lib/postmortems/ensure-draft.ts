import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, postmortems } from "@/db/schema";
import { buildFacts } from "./build-facts";

/**
 * The draft post-mortem of a resolved incident, with its facts filled in; idempotent (one per
 * incident, a unique index), so the resolve verb, the tick and the auditor may all call it.
 */
export async function ensureDraftPostmortem(db: Database, incidentId: string, now: Date): Promise<{ id: string; created: boolean } | null> {
  const [existing] = await db.select({ id: postmortems.id }).from(postmortems).where(eq(postmortems.incidentId, incidentId));
  if (existing) return { id: existing.id, created: false };
  const [incident] = await db.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, incidentId));
  if (incident?.status !== "resolved") return null;
  const facts = await buildFacts(db, incidentId);
  if (!facts) return null;
  const [row] = await db.insert(postmortems).values({ incidentId, facts, createdAt: now, updatedAt: now }).onConflictDoNothing({ target: postmortems.incidentId }).returning({ id: postmortems.id });
  if (row) return { id: row.id, created: true };
  const [raced] = await db.select({ id: postmortems.id }).from(postmortems).where(eq(postmortems.incidentId, incidentId));
  return raced ? { id: raced.id, created: false } : null;
}
