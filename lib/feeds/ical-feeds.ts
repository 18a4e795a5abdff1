import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import ical from "ical-generator";
import type { Database } from "@/db/client";
import { icalFeeds, schedules, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { hashApiToken, hashesMatch } from "@/lib/tokens/token-secret";
import { personShifts, scheduleHolderShifts } from "@/lib/schedules/read-schedules";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { idSchema } from "@/lib/http/common-schemas";

const DAY = 86_400_000;
const feedInput = z.object({ kind: z.enum(["person", "schedule"]), targetId: idSchema });
const TOKEN = /^([a-z0-9]{8})\.([A-Za-z0-9_-]{43})$/;

/** The secret URL path segment: 8-character lookup prefix + 256 random bits. Only the hash is kept. */
function newFeedToken() {
  const prefix = randomBytes(6).toString("hex").slice(0, 8);
  const token = `${prefix}.${randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashApiToken(token) };
}

function targetColumns(kind: "person" | "schedule", targetId: string) {
  return kind === "person" ? { userId: targetId, scheduleId: null } : { userId: null, scheduleId: targetId };
}

/**
 * Issues the iCal URL of a person (only themselves, or a manager for anyone) or of a
 * schedule; any earlier URL of the same feed stops working.
 */
export async function createIcalFeed({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ token: string }> {
  await requirePermission(ctx, "schedules:read", { type: "ical_feed" });
  const data = parseInput(feedInput, input);
  if (data.kind === "person" && data.targetId !== ctx.viewer.userId) await requirePermission(ctx, "schedules:manage", { type: "ical_feed" });
  return ctx.db.transaction(async (tx) => {
    const exists = data.kind === "person" ? await tx.select({ id: users.id }).from(users).where(eq(users.id, data.targetId)) : await tx.select({ id: schedules.id }).from(schedules).where(eq(schedules.id, data.targetId));
    if (exists.length === 0) throw new NotFoundError(data.kind === "person" ? "Person" : "Schedule");
    const target = targetColumns(data.kind, data.targetId);
    await tx
      .update(icalFeeds)
      .set({ revokedAt: ctx.now })
      .where(and(eq(icalFeeds.kind, data.kind), target.userId ? eq(icalFeeds.userId, target.userId) : eq(icalFeeds.scheduleId, target.scheduleId!), isNull(icalFeeds.revokedAt)));
    const { token, prefix, hash } = newFeedToken();
    const [row] = await tx.insert(icalFeeds).values({ kind: data.kind, ...target, prefix, hash, createdBy: ctx.viewer.userId, createdAt: ctx.now }).returning({ id: icalFeeds.id });
    await recordAudit(tx, ctx, { action: "ical_feed.create", targetType: "ical_feed", targetId: row!.id, details: { kind: data.kind, targetId: data.targetId, prefix } });
    return { token };
  });
}

/** Revoking makes the old URL answer 404. */
export async function revokeIcalFeed({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:read", { type: "ical_feed" });
  const data = parseInput(feedInput, input);
  if (data.kind === "person" && data.targetId !== ctx.viewer.userId && !can(ctx.viewer, "schedules:manage")) throw new NotFoundError("Feed");
  if (data.kind === "schedule") await requirePermission(ctx, "schedules:read", { type: "ical_feed" });
  const target = targetColumns(data.kind, data.targetId);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(icalFeeds)
      .set({ revokedAt: ctx.now })
      .where(and(eq(icalFeeds.kind, data.kind), target.userId ? eq(icalFeeds.userId, target.userId) : eq(icalFeeds.scheduleId, target.scheduleId!), isNull(icalFeeds.revokedAt)))
      .returning({ id: icalFeeds.id });
    if (rows.length === 0) throw new NotFoundError("Feed");
    await recordAudit(tx, ctx, { action: "ical_feed.revoke", targetType: "ical_feed", targetId: rows[0]!.id, details: { kind: data.kind, targetId: data.targetId } });
  });
}

/** Whether a feed is active for the target (the URL itself is shown only when issued). */
export async function activeFeed(db: Database, kind: "person" | "schedule", targetId: string) {
  const target = targetColumns(kind, targetId);
  const [row] = await db
    .select({ id: icalFeeds.id, prefix: icalFeeds.prefix, createdAt: icalFeeds.createdAt })
    .from(icalFeeds)
    .where(and(eq(icalFeeds.kind, kind), target.userId ? eq(icalFeeds.userId, target.userId) : eq(icalFeeds.scheduleId, target.scheduleId!), isNull(icalFeeds.revokedAt)));
  return row ?? null;
}

/**
 * The .ics body for a secret token: final shifts from one month back to six months ahead.
 * Unknown, malformed or revoked tokens are NotFound (404), with nothing said about why.
 */
export async function renderIcalFeed(db: Database, token: string, now: Date): Promise<{ body: string; name: string }> {
  const m = TOKEN.exec(token);
  if (!m) throw new NotFoundError("Feed");
  const [feed] = await db.select().from(icalFeeds).where(and(eq(icalFeeds.prefix, m[1]!), isNull(icalFeeds.revokedAt)));
  if (!feed || !hashesMatch(feed.hash, hashApiToken(token))) throw new NotFoundError("Feed");
  const from = new Date(now.getTime() - 31 * DAY);
  const to = new Date(now.getTime() + 183 * DAY);
  // An event's UID is its start. Shifts are read between month boundaries a month outside the
  // window (they move once a month), so the shift under way when the window opens keeps its real
  // start (and UID), and the last one its real end, from one fetch to the next: calendar apps
  // would otherwise replace them on every refresh. Only the shifts that overlap the window are listed.
  // Shifts are whole: time off flags a shift but does not cut it, so editing time off moves no UID.
  const readFrom = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - 1, 1));
  const readTo = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 2, 1));
  const inWindow = (x: { start: string; end: string }) => Date.parse(x.end) > from.getTime() && Date.parse(x.start) < to.getTime();
  // The secret token is the credential: it grants this one feed's shifts, nothing else.
  const ctx = { db };
  let name: string;
  let events: { id: string; start: string; end: string; summary: string; description?: string }[];
  // Time off flags a shift (it is not reassigned): say so on the event, as the calendar does.
  const onTimeOff = (x: { conflicts: string[] }, who: string) =>
    x.conflicts.includes("time_off") ? { description: `${who} on time off during this shift: it is flagged, not reassigned. Ask for cover in Baton.` } : {};
  if (feed.kind === "schedule" && feed.scheduleId) {
    const [s] = await db.select({ name: schedules.name }).from(schedules).where(eq(schedules.id, feed.scheduleId));
    if (!s) throw new NotFoundError("Feed");
    name = `${s.name} (Baton)`;
    events = (await scheduleHolderShifts(ctx, feed.scheduleId, readFrom, readTo)).filter(inWindow).map((x) => ({ id: eventUid(feed.scheduleId!, x.start, x.userId), start: x.start, end: x.end, summary: x.userId ? `On call: ${x.userName}` : "Gap: nobody on call", ...onTimeOff(x, `${x.userName ?? "The holder"} is`) }));
  } else {
    const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, feed.userId!));
    if (!u) throw new NotFoundError("Feed");
    name = `${u.name}'s on-call shifts (Baton)`;
    events = (await personShifts(ctx, feed.userId!, readFrom, readTo)).filter(inWindow).map((x) => ({ id: eventUid(x.scheduleId, x.start, feed.userId), start: x.start, end: x.end, summary: `On call: ${x.scheduleName}`, ...onTimeOff(x, "You are") }));
  }
  const calendar = ical({ name, prodId: { company: "Baton", product: "on-call", language: "EN" }, ttl: 15 * 60 });
  for (const e of events) calendar.createEvent({ id: e.id, start: new Date(e.start), end: new Date(e.end), summary: e.summary, ...(e.description ? { description: e.description } : {}), stamp: now });
  return { body: calendar.toString(), name };
}

/**
 * An event's UID: the schedule, the start and who holds it. A swap or an override that changes the
 * holder makes a new event (and the old one leaves the feed) rather than editing one in place with
 * the same UID and sequence, which many calendar apps would not pick up.
 */
function eventUid(scheduleId: string, start: string, userId: string | null): string {
  return `${scheduleId}-${start}-${userId ?? "gap"}`;
}
