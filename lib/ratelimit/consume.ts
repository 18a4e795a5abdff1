import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";

export type RateLimitDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window, atomically in the database so every app
 * server shares the count.
 */
export async function consumeRateLimit(db: Queryable, key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitDecision> {
  const windowOpenedBefore = new Date(now.getTime() - windowMs);
  const t = rateLimitBuckets;
  const result = await db.execute<{ window_start: string | Date; count: number }>(sql`
    insert into ${t} (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      window_start = case when ${t.windowStart} <= ${windowOpenedBefore.toISOString()} then excluded.window_start else ${t.windowStart} end,
      count = case when ${t.windowStart} <= ${windowOpenedBefore.toISOString()} then 1 else ${t.count} + 1 end
    returning window_start, count`);
  const row = (result as unknown as { rows: { window_start: string | Date; count: number }[] }).rows[0]!;
  const count = Number(row.count);
  const windowStart = new Date(row.window_start);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}
