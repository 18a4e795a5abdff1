import { createElement } from "react";
import { and, eq, inArray } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { layerParticipants, notices, ROLES, scheduleLayers, schedules, teamMembers, users } from "@/db/schema";
import { roleHas } from "@/lib/access/permissions";
import { formatDateTime } from "@/lib/format/date-time";
import { sendMail } from "@/lib/mailer";
import { NoticeEmail } from "@/lib/mailer/templates/notice-email";
import type { SwapRow } from "./transition";

export type Notice = { kind: string; title: string; body: string; link: string };

/**
 * The body of every notice of a request, at each step: the schedule and the part of the shift in
 * the schedule's zone, named ("Primary: 23 Nov 2026, 09:00 – 30 Nov 2026, 09:00 (America/New_York)."),
 * for a swap with the shift given in exchange; then the note in quotes, or else `otherwise`.
 */
export function swapNoticeBody(
  schedule: { name: string; timeZone: string },
  request: Pick<SwapRow, "partStart" | "partEnd" | "counterpartStart" | "counterpartEnd">,
  opts: { note?: string | null; otherwise?: string } = {},
): string {
  const range = (start: Date, end: Date) => `${formatDateTime(start, schedule.timeZone)} – ${formatDateTime(end, schedule.timeZone)}`;
  const exchange = request.counterpartStart && request.counterpartEnd ? `, in exchange for ${range(request.counterpartStart, request.counterpartEnd)}` : "";
  const shift = `${schedule.name}: ${range(request.partStart, request.partEnd)}${exchange} (${schedule.timeZone}).`;
  return opts.note ? `${shift} “${opts.note}”` : opts.otherwise ? `${shift} ${opts.otherwise}` : shift;
}

/** The schedule a request is on, as its notices name it. */
export async function swapSchedule(db: Queryable, scheduleId: string): Promise<{ name: string; timeZone: string }> {
  const [schedule] = await db.select({ name: schedules.name, timeZone: schedules.timeZone }).from(schedules).where(eq(schedules.id, scheduleId));
  return schedule!;
}

/** Who an open offer on the schedule goes to: its team's members, or (a schedule without a team) the people of its layers. */
export async function swapTeam(db: Queryable, scheduleId: string): Promise<string[]> {
  const [schedule] = await db.select({ teamId: schedules.teamId }).from(schedules).where(eq(schedules.id, scheduleId));
  const rows = schedule?.teamId
    ? await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, schedule.teamId))
    : await db.select({ userId: layerParticipants.userId }).from(layerParticipants).innerJoin(scheduleLayers, eq(scheduleLayers.id, layerParticipants.layerId)).where(eq(scheduleLayers.scheduleId, scheduleId));
  return [...new Set(rows.map((r) => r.userId))];
}

const APPROVER_ROLES = ROLES.filter((role) => roleHas(role, "swaps:approve"));

/** The active people whose role may approve a request (permissions.ts decides), less `except`. */
export async function swapApprovers(db: Queryable, except: string[]): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.role, APPROVER_ROLES), eq(users.disabled, false)));
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}

/** An in-app notice (in the transaction) for each person; emails go after commit via `emailNotices`. */
export async function writeNotices(tx: Queryable, userIds: string[], notice: Notice, now: Date): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length) await tx.insert(notices).values(ids.map((userId) => ({ userId, ...notice, createdAt: now })));
}

/** The same notice by email; a mail failure never undoes the change it reports. */
export async function emailNotices(db: Database, userIds: string[], notice: Notice, origin: string | undefined): Promise<void> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const people = await db.select({ email: users.email, name: users.name }).from(users).where(inArray(users.id, ids));
  for (const p of people) {
    try {
      await sendMail(db, { to: p.email, subject: notice.title, body: createElement(NoticeEmail, { name: p.name, title: notice.title, body: notice.body, url: origin ? `${origin}${notice.link}` : undefined }) });
    } catch (e) {
      console.warn(`[notices] email to ${p.email} failed: ${(e as Error).message}`);
    }
  }
}
