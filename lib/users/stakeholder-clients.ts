import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clients, clientStakeholders } from "@/db/schema";
import { InvalidError } from "@/lib/errors";

/** Sets which clients a stakeholder belongs to. */
export async function saveStakeholderClients(tx: Tx, userId: string, clientIds: string[]): Promise<void> {
  const ids = [...new Set(clientIds)];
  if (ids.length) {
    const found = await tx.select({ id: clients.id }).from(clients).where(inArray(clients.id, ids));
    if (found.length !== ids.length) throw InvalidError.field("clientIds", "Unknown client");
  }
  await tx.delete(clientStakeholders).where(eq(clientStakeholders.userId, userId));
  if (ids.length) await tx.insert(clientStakeholders).values(ids.map((clientId) => ({ clientId, userId })));
}
