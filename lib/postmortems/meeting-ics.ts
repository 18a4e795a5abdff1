import ical, { ICalEventStatus } from "ical-generator";
import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { publicUrl } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { requirePostmortemVisible } from "./access";

/** The after-action meeting as an iCalendar file (60 minutes, attendees by email), for anyone who may read the post-mortem. */
export async function meetingIcs(ctx: Ctx, postmortemId: string): Promise<string> {
  const { pm, incident } = await requirePostmortemVisible(ctx, postmortemId);
  if (!pm.meetingAt) throw new NotFoundError("Meeting");
  const people = pm.meetingAttendees.length ? await ctx.db.select({ name: users.name, email: users.email }).from(users).where(inArray(users.id, pm.meetingAttendees)) : [];
  const cal = ical({ name: "Baton after-action meeting", prodId: { company: "Baton", product: "postmortems", language: "EN" } });
  cal.createEvent({
    id: `postmortem-${pm.id}@baton`,
    start: pm.meetingAt,
    end: new Date(pm.meetingAt.getTime() + 60 * 60_000),
    stamp: pm.updatedAt,
    status: ICalEventStatus.CONFIRMED,
    summary: `After-action review: #${incident.number} ${incident.title}`,
    description: "Blameless review of the incident: what happened, what went well, what must improve, action items.",
    url: `${publicUrl()}/postmortems/${pm.id}`,
    attendees: people.map((p) => ({ name: p.name || p.email, email: p.email })),
  });
  return cal.toString();
}
