import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { DEFAULT_PREFERENCES, type NotificationPreferences } from "@/lib/core/escalation";

/** Each person's notification rules, the defaults for those who never changed them. */
export async function loadPreferences(db: Queryable, userIds: string[]): Promise<Map<string, NotificationPreferences>> {
  const rows = userIds.length ? await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds)) : [];
  const byUser = new Map(rows.map((r) => [r.userId, { rules: r.rules, repeatEveryMinutes: r.repeatEveryMinutes }]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? DEFAULT_PREFERENCES]));
}
