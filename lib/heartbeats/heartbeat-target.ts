import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";
import type { IngestTarget } from "@/lib/ingest/integration-key-auth";

export async function heartbeatTarget(db: Queryable, serviceId: string): Promise<IngestTarget> {
  const [s] = await db.select().from(services).where(eq(services.id, serviceId));
  if (!s) throw new Error(`service ${serviceId} is missing`);
  return { keyId: null, keyPrefix: null, serviceId: s.id, serviceName: s.name, clientId: s.clientId, teamId: s.teamId, escalationPolicyId: s.escalationPolicyId, emailRules: [] };
}

export const heartbeatDedupKey = (heartbeatId: string) => `heartbeat:${heartbeatId}`;
