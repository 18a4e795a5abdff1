import { createElement } from "react";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationPreferences, schedules, shiftReminders, users } from "@/db/schema";
import { shiftsBetween, type FinalShift } from "@/lib/core/schedule";
import { addDaysToIsoDate, epochDayFromCivil, epochDayOfIsoDate, localDateAt, localDateTimeAt, weekdayAt, weekdayOfEpochDay } from "@/lib/core/time";
import { publicUrl } from "@/lib/env";
import { formatInZone } from "@/lib/incidents/format";
import { sendMail } from "@/lib/mailer";
import { loadEngineSchedule } from "@/lib/schedules/load-engine-schedule";
import { writeNotices } from "@/lib/swaps/notify-swap";
import { ShiftReminderEmail } from "./shift-reminders-email";
import { formatClock } from "@/lib/format/date-time";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** "Starts soon" means within this much of now. */
export const REMIND_BEFORE_MS = HOUR;
/** The weekly digest goes out on Monday between these local times (a driver down at 08:00 still sends it later that morning). */
const DIGEST_FROM_MINUTE = 8 * 60;
const DIGEST_UNTIL_MINUTE = 12 * 60;
const DIGEST_SPAN_MS = 7 * DAY;

export type ShiftRemindersSummary = { startsSoon: number; digests: number; failed: number };

type Person = { id: string; name: string; email: string; timeZone: string };
/** A stretch one person holds on one schedule without a break (pieces of one holder merged). */
type Held = { userId: string; scheduleId: string; scheduleName: string; start: number; end: number };

/**
 * Handoff reminders, called about once a minute by either workflow driver:
 *
 * - "starts soon": everyone whose shift (on any schedule, in the final schedule: overrides and
 *   swaps applied) starts within the next hour gets "Your shift on <schedule> starts at <local
 *   time>" by email and as an in-app notice, once per schedule and start;
 * - the weekly digest: on Monday morning in their own zone, everyone with shifts in the next 7
 *   days gets the list (once per ISO week).
 *
 * Only people whose `shift_reminders` preference is not 'off' (on by default), not disabled and not
 * stakeholders. A time-off stretch is not a shift to be reminded of. Each send is recorded in
 * `shift_reminders` (person, kind, occasion): the email goes first, with an idempotency key made of
 * the same three, then the row and the notice in one transaction; a failed email leaves no row, so
 * the next call tries again, and a repeated call (or a second server) sends nothing twice.
 */
export async function sendShiftReminders(db: Database, now: Date): Promise<ShiftRemindersSummary> {
  const summary: ShiftRemindersSummary = { startsSoon: 0, digests: 0, failed: 0 };
  const at = now.getTime();
  const people = await eligiblePeople(db);
  if (!people.size) return summary;

  // Who is due a digest this morning (and hasn't had this week's).
  const mondayMorning = [...people.values()].filter((p) => {
    if (weekdayAt(at, p.timeZone) !== 1) return false;
    const m = localDateTimeAt(at, p.timeZone).msOfDay / MINUTE;
    return m >= DIGEST_FROM_MINUTE && m < DIGEST_UNTIL_MINUTE;
  });
  const digestDone = mondayMorning.length
    ? new Set(
        (
          await db
            .select({ userId: shiftReminders.userId, occasion: shiftReminders.occasion })
            .from(shiftReminders)
            .where(and(eq(shiftReminders.kind, "weekly_digest"), inArray(shiftReminders.userId, mondayMorning.map((p) => p.id))))
        ).map((r) => `${r.userId}|${r.occasion}`),
      )
    : new Set<string>();
  const digestDue = mondayMorning.filter((p) => !digestDone.has(`${p.id}|${isoWeekOf(localDateAt(at, p.timeZone))}`));

  // An hour of look-back tells a real start from the edge of the range.
  const from = at - HOUR;
  // A day past the horizon, so a listed shift shows its real end.
  const to = at + (digestDue.length ? DIGEST_SPAN_MS : REMIND_BEFORE_MS) + DAY + 1;
  const held: Held[] = [];
  for (const s of await db.select({ id: schedules.id, name: schedules.name }).from(schedules).orderBy(asc(schedules.name))) {
    const loaded = await loadEngineSchedule(db, s.id, new Date(from), new Date(to));
    for (const h of holdings(shiftsBetween(loaded.engine, from, to))) held.push({ ...h, scheduleId: s.id, scheduleName: s.name });
  }

  for (const h of held) {
    const person = people.get(h.userId);
    if (!person || h.start <= from || h.start <= at || h.start > at + REMIND_BEFORE_MS) continue;
    const occasion = `${h.scheduleId}:${new Date(h.start).toISOString()}`;
    const time = localTime(h.start, person.timeZone);
    const title = `Your shift on ${h.scheduleName} starts at ${time}`;
    const intro = `${formatInZone(new Date(h.start), person.timeZone)} until ${formatInZone(new Date(h.end), person.timeZone)} (${person.timeZone}${h.end >= to ? ", or later" : ""}).`;
    const r = await remindOnce(db, person, "starts_soon", occasion, { title, intro, lines: [] }, now);
    if (r === "sent") summary.startsSoon++;
    if (r === "failed") summary.failed++;
  }

  for (const person of digestDue) {
    const week = isoWeekOf(localDateAt(at, person.timeZone));
    const end = at + DIGEST_SPAN_MS;
    const mine = held.filter((h) => h.userId === person.id && h.end > at && h.start < end).sort((a, b) => a.start - b.start || a.scheduleName.localeCompare(b.scheduleName));
    if (!mine.length) {
      // Nothing to tell: the week is settled without an email (no digest of nothing).
      await db.insert(shiftReminders).values({ userId: person.id, kind: "weekly_digest", occasion: week, sentAt: now }).onConflictDoNothing();
      continue;
    }
    const lines = mine.map((h) => `${h.scheduleName}: ${h.start <= at ? "now" : formatInZone(new Date(h.start), person.timeZone)} – ${formatInZone(new Date(h.end), person.timeZone)}${h.end >= to ? " or later" : ""}`);
    const title = `Your shifts this week (${week}): ${mine.length}`;
    const r = await remindOnce(db, person, "weekly_digest", week, { title, intro: `Your on-call shifts in the next 7 days (times in ${person.timeZone}):`, lines }, now);
    if (r === "sent") summary.digests++;
    if (r === "failed") summary.failed++;
  }
  return summary;
}

async function eligiblePeople(db: Database): Promise<Map<string, Person>> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone, pref: notificationPreferences.shiftReminders })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(users.disabled, false), ne(users.role, "stakeholder")));
  return new Map(rows.filter((r) => r.pref !== "off").map((r) => [r.id, { id: r.id, name: r.name, email: r.email, timeZone: r.timeZone }]));
}

/** The final schedule as stretches per holder: adjacent pieces of one person merged, gaps and time off left out. */
export function holdings(shifts: FinalShift[]): { userId: string; start: number; end: number }[] {
  const out: { userId: string; start: number; end: number }[] = [];
  for (const s of shifts) {
    const userId = s.conflicts.includes("time_off") ? null : s.userId;
    if (!userId) continue;
    const last = out.at(-1);
    if (last && last.userId === userId && last.end === s.start) last.end = s.end;
    else out.push({ userId, start: s.start, end: s.end });
  }
  return out;
}

async function remindOnce(
  db: Database,
  person: Person,
  kind: "starts_soon" | "weekly_digest",
  occasion: string,
  content: { title: string; intro: string; lines: string[] },
  now: Date,
): Promise<"sent" | "already" | "failed"> {
  const [done] = await db
    .select({ userId: shiftReminders.userId })
    .from(shiftReminders)
    .where(and(eq(shiftReminders.userId, person.id), eq(shiftReminders.kind, kind), eq(shiftReminders.occasion, occasion)));
  if (done) return "already";
  try {
    await sendMail(db, {
      to: person.email,
      subject: content.title,
      body: createElement(ShiftReminderEmail, { name: person.name, title: content.title, intro: content.intro, lines: content.lines, url: `${publicUrl()}/schedules/mine` }),
      idempotencyKey: `shift-reminder:${kind}:${person.id}:${occasion}`,
    });
  } catch (e) {
    console.warn(`[shift-reminders] ${kind} email to ${person.email} failed; retried on the next pass: ${(e as Error).message}`);
    return "failed";
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(shiftReminders).values({ userId: person.id, kind, occasion, sentAt: now }).onConflictDoNothing().returning({ userId: shiftReminders.userId });
    if (!row) return "already" as const;
    const body = [content.intro, ...content.lines].filter(Boolean).join("\n");
    await writeNotices(tx, [person.id], { kind: kind === "starts_soon" ? "shift.starts_soon" : "shift.weekly_digest", title: content.title, body, link: "/schedules/mine" }, now);
    return "sent" as const;
  });
}

/** "09:00" in the person's zone. */
function localTime(at: number, timeZone: string): string {
  return formatClock(at, timeZone);
}

/** The ISO week of a calendar date: "2026-W48" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: string): string {
  const day = epochDayOfIsoDate(date);
  const weekday = weekdayOfEpochDay(day);
  const thursday = addDaysToIsoDate(date, 4 - weekday);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((epochDayOfIsoDate(thursday) - epochDayFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
