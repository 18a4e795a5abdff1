import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, notices, postmortems } from "@/db/schema";
import { emailNotices, writeNotices } from "@/lib/swaps/notify-swap";
import { publicUrl } from "@/lib/env";
import { meetingWording } from "./meeting-wording";

const AHEAD_MS = 24 * 60 * 60_000;

/** A day before an after-action meeting (published post-mortems' too), each attendee gets a notice and an email, once per meeting date (a confidential incident's title stays out of both). */
export async function sendMeetingReminders(db: Database, now: Date): Promise<number> {
  const due = await db
    .select({ id: postmortems.id, meetingAt: postmortems.meetingAt, attendees: postmortems.meetingAttendees, number: incidents.number, title: incidents.title, confidential: incidents.confidential })
    .from(postmortems)
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .where(and(gt(postmortems.meetingAt, now), lte(postmortems.meetingAt, new Date(now.getTime() + AHEAD_MS))))
    .limit(50);
  let sent = 0;
  for (const m of due) {
    if (!m.attendees.length || !m.meetingAt) continue;
    const link = `/postmortems/${m.id}#meeting-${m.meetingAt.getTime()}`;
    const already = await db.select({ userId: notices.userId }).from(notices).where(and(eq(notices.kind, "postmortem_meeting"), eq(notices.link, link), inArray(notices.userId, m.attendees)));
    const done = new Set(already.map((a) => a.userId));
    const todo = m.attendees.filter((id) => !done.has(id));
    if (!todo.length) continue;
    const { subject, when } = meetingWording(m, m.meetingAt);
    const notice = { kind: "postmortem_meeting", title: subject, body: `Reminder: it starts ${when}.`, link };
    await writeNotices(db, todo, notice, now);
    await emailNotices(db, todo, notice, publicUrl());
    sent += todo.length;
  }
  return sent;
}
