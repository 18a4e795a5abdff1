import { createElement } from "react";
import { eq, inArray } from "drizzle-orm";
import { postmortems, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { meetingDateProblem } from "@/lib/core/postmortems";
import { publicUrl } from "@/lib/env";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { sendMail } from "@/lib/mailer";
import { NoticeEmail } from "@/lib/mailer/templates/notice-email";
import { parseInput } from "@/lib/validation";
import { meetingWording } from "./meeting-wording";
import { requirePostmortemWritable, reviewerCandidateIds } from "./access";
import { getPostmortem } from "./get-postmortem";
import { scheduleMeetingInput } from "./schemas";

/**
 * Schedules the after-action meeting (in the future, within 14 days of resolution) and emails each
 * attendee an invitation with a link to the meeting's .ics; a mail failure does not undo it. A
 * published post-mortem may have its meeting scheduled too: the meeting is often held after the
 * write-up (PagerDuty's and Atlassian's practice), and it is not part of the frozen revision, as an
 * action item's status is not. The 14-day rule holds whatever the status.
 */
export async function scheduleMeeting({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(scheduleMeetingInput, input);
  const v = await requirePostmortemWritable(ctx, data.postmortemId);
  const at = new Date(data.at);
  const problem = meetingDateProblem(v.incident.resolvedAt ?? v.pm.createdAt, at, ctx.now);
  // The message reads on its own in the page; the issue names the field for the API.
  if (problem) throw new InvalidError(problem, [{ path: "at", message: problem }]);
  const ids = [...new Set(data.attendeeIds)];
  const found = await ctx.db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(inArray(users.id, ids));
  const candidates = await reviewerCandidateIds(ctx, v);
  const known = new Map(found.map((u) => [u.id, u]));
  const bad = data.attendeeIds.findIndex((id) => {
    const u = known.get(id);
    return !u || (u.role === "stakeholder" && !candidates.has(id));
  });
  if (bad >= 0) throw InvalidError.field(`attendeeIds.${bad}`, "Not a person of the organisation or a stakeholder of this client");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(postmortems).set({ meetingAt: at, meetingAttendees: ids, updatedAt: ctx.now }).where(eq(postmortems.id, v.pm.id)).returning({ id: postmortems.id });
    if (!row) throw new NotFoundError("Post-mortem");
    await recordAudit(tx, ctx, { action: "postmortem.meeting", targetType: "postmortem", targetId: v.pm.id, details: { at: at.toISOString(), attendees: ids } });
  });
  const origin = publicUrl();
  const { subject: title, when } = meetingWording(v.incident, at);
  for (const u of found) {
    try {
      await sendMail(ctx.db, {
        to: u.email,
        subject: title,
        idempotencyKey: `pm-meeting-${v.pm.id}-${at.getTime()}-${u.id}`,
        body: createElement(NoticeEmail, { name: u.name, title, body: `You are invited to the blameless after-action review on ${when} (60 minutes). Add it to your calendar: ${origin}/postmortems/${v.pm.id}/meeting.ics`, url: `${origin}/postmortems/${v.pm.id}` }),
      });
    } catch (e) {
      console.warn(`[postmortems] invitation to ${u.email} failed: ${(e as Error).message}`);
    }
  }
  return getPostmortem(ctx, v.pm.id);
}
