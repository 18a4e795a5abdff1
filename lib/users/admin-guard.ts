import { and, count, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

/** Refuses a change that would leave no enabled admin. */
export async function assertAnotherAdminRemains(tx: Tx, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)));
  if ((row?.n ?? 0) === 0) throw new ConflictError("Baton needs at least one enabled admin: make someone else admin first.");
}
