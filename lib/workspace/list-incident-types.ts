import { asc, eq } from "drizzle-orm";
import { incidentTypes } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { IncidentTypeOutput } from "./schemas";

export const toIncidentTypeOutput = (t: typeof incidentTypes.$inferSelect): IncidentTypeOutput => ({
  id: t.id,
  key: t.key,
  name: t.name,
  description: t.description,
  security: t.security,
  steps: t.steps,
  updatedAt: t.updatedAt.toISOString(),
});

/** The incident types with their checklist templates, by name. */
export async function listIncidentTypes(ctx: Ctx): Promise<IncidentTypeOutput[]> {
  await requirePermission(ctx, "incidents:read-internal");
  return (await ctx.db.select().from(incidentTypes).orderBy(asc(incidentTypes.name))).map(toIncidentTypeOutput);
}

export async function getIncidentType(ctx: Ctx, typeId: string): Promise<IncidentTypeOutput> {
  await requirePermission(ctx, "incidents:read-internal");
  const [t] = await ctx.db.select().from(incidentTypes).where(eq(incidentTypes.id, typeId));
  if (!t) throw new NotFoundError("Incident type");
  return toIncidentTypeOutput(t);
}
