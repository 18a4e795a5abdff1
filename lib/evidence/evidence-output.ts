import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { evidenceCustody, evidenceItems, users } from "@/db/schema";
import type { EvidenceOutput } from "./schemas";

/** Evidence rows (without their bytes) as output, each with its custody trail oldest first. */
export async function evidenceWithCustody(db: Queryable, where: { incidentId: string } | { evidenceId: string }): Promise<EvidenceOutput[]> {
  const items = await db
    .select({
      id: evidenceItems.id,
      incidentId: evidenceItems.incidentId,
      name: evidenceItems.name,
      description: evidenceItems.description,
      location: evidenceItems.location,
      method: evidenceItems.method,
      collectedById: evidenceItems.collectedBy,
      collectedByName: users.name,
      collectedByEmail: users.email,
      collectedAt: evidenceItems.collectedAt,
      sha256: evidenceItems.sha256,
      size: evidenceItems.size,
      contentType: evidenceItems.contentType,
      createdAt: evidenceItems.createdAt,
    })
    .from(evidenceItems)
    .leftJoin(users, eq(users.id, evidenceItems.collectedBy))
    .where("incidentId" in where ? eq(evidenceItems.incidentId, where.incidentId) : eq(evidenceItems.id, where.evidenceId))
    .orderBy(asc(evidenceItems.collectedAt), asc(evidenceItems.id));
  if (!items.length) return [];
  const custody = await db
    .select({ c: evidenceCustody, name: users.name, email: users.email })
    .from(evidenceCustody)
    .leftJoin(users, eq(users.id, evidenceCustody.recordedBy))
    .where(inArray(evidenceCustody.evidenceId, items.map((i) => i.id)))
    .orderBy(asc(evidenceCustody.id));
  return items.map((i) => ({
    id: i.id,
    incidentId: i.incidentId,
    name: i.name,
    description: i.description,
    location: i.location,
    method: i.method,
    collectedBy: i.collectedById ? { id: i.collectedById, name: i.collectedByName || i.collectedByEmail || "" } : null,
    collectedAt: i.collectedAt.toISOString(),
    sha256: i.sha256,
    size: i.size,
    contentType: i.contentType,
    stored: i.size !== null,
    createdAt: i.createdAt.toISOString(),
    custody: custody
      .filter((r) => r.c.evidenceId === i.id)
      .map((r) => ({ id: r.c.id, at: r.c.at.toISOString(), from: r.c.fromLabel, to: r.c.toLabel, purpose: r.c.purpose, recordedBy: r.c.recordedBy ? { id: r.c.recordedBy, name: r.name || r.email || "" } : null })),
  }));
}
