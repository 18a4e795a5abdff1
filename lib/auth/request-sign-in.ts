import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { emailSchema } from "@/lib/http/common-schemas";
import { consumeRateLimit } from "@/lib/ratelimit/consume";
import { parseInput } from "@/lib/validation";

export const signInRequestInput = z.object({
  email: emailSchema,
  callbackUrl: z
    .string()
    .optional()
    // Only same-site paths: never an open redirect.
    .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") ? v : "/")),
});

/**
 * Decides whether a sign-in email may be sent: rate-limited per address and per IP; only
 * existing, enabled people get one. The caller answers the same neutral message either way.
 */
export async function checkSignInRequest(db: Database, meta: RequestMeta, input: unknown, now: Date) {
  const data = parseInput(signInRequestInput, input);
  const e = env();
  const windowMs = e.SIGNIN_LIMIT_WINDOW_MINUTES * 60_000;
  const byAddress = await consumeRateLimit(db, `signin:email:${data.email}`, e.SIGNIN_LIMIT_PER_ADDRESS, windowMs, now);
  const byIp = meta.ip ? await consumeRateLimit(db, `signin:ip:${meta.ip}`, e.SIGNIN_LIMIT_PER_IP, windowMs, now) : byAddress;
  if (!byAddress.allowed || !byIp.allowed) {
    await recordAudit(db, { meta, now }, { action: "auth.sign_in.rate_limited", actorLabel: data.email, details: { ip: meta.ip } });
    throw new RateLimitedError(Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds));
  }
  const [user] = await db.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.email, data.email));
  const send = !!user && !user.disabled;
  await recordAudit(db, { meta, now }, { action: send ? "auth.sign_in.link_requested" : "auth.sign_in.refused", actorLabel: data.email, targetType: "user", targetId: user?.id });
  return { send, email: data.email, callbackUrl: data.callbackUrl };
}
