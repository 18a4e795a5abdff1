import { asc, eq } from "drizzle-orm";
import { clientContacts } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { requireClientExists } from "@/lib/clients/read-clients";
import type { Ctx } from "@/lib/context";
import { toContactOutput } from "./contact-output";
import type { ContactOutput } from "./schemas";

/** A client's stakeholder directory, for the MSP's staff (stakeholders don't get each other's phone numbers). */
export async function listContacts(ctx: Ctx, clientId: string): Promise<ContactOutput[]> {
  await requirePermission(ctx, "incidents:read-internal", { type: "client", id: clientId });
  await requireClientVisible(ctx, clientId);
  const rows = await ctx.db.select().from(clientContacts).where(eq(clientContacts.clientId, clientId)).orderBy(asc(clientContacts.role), asc(clientContacts.name), asc(clientContacts.id));
  if (rows.length === 0) await requireClientExists(ctx.db, clientId); // an unknown client is a 404, not an empty directory
  return rows.map(toContactOutput);
}
