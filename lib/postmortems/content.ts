import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { postmortemActionItems, postmortemRevisions, users } from "@/db/schema";
import type { Facts, PostmortemContent, SectionKey } from "@/lib/core/postmortems";
import type { PostmortemRow } from "./access";

/** The working copy as content (what publishing freezes into a revision). */
export async function workingContent(db: Queryable, pm: PostmortemRow, publishedAt: Date | null = pm.publishedAt): Promise<PostmortemContent> {
  const items = await db
    .select({ i: postmortemActionItems, owner: users.name, ownerEmail: users.email })
    .from(postmortemActionItems)
    .leftJoin(users, eq(users.id, postmortemActionItems.ownerId))
    .where(eq(postmortemActionItems.postmortemId, pm.id))
    .orderBy(asc(postmortemActionItems.createdAt), asc(postmortemActionItems.id));
  const attendees = pm.meetingAttendees.length ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, pm.meetingAttendees)) : [];
  const names = new Map(attendees.map((a) => [a.id, a.name || a.email]));
  return {
    revision: pm.revision,
    status: pm.status,
    facts: pm.facts as unknown as Facts,
    starredTimelineIds: pm.starredTimelineIds,
    sections: pm.sections as Partial<Record<SectionKey, string>>,
    alerting: { alertReal: pm.alertReal, reachedRightPerson: pm.reachedRightPerson, enoughInformation: pm.enoughInformation, informationToAdd: pm.informationToAdd },
    actionItems: items.map(({ i, owner, ownerEmail }) => ({ title: i.title, owner: i.ownerId ? owner || ownerEmail || null : null, dueDate: i.dueDate, status: i.status, type: i.type })),
    meeting: { at: pm.meetingAt?.toISOString() ?? null, attendees: pm.meetingAttendees.map((id) => names.get(id) ?? "Someone") },
    publishedAt: publishedAt?.toISOString() ?? null,
  };
}

/** The latest published revision's frozen content, or null before the first publication. */
export async function latestRevisionContent(db: Queryable, postmortemId: string, revision: number): Promise<PostmortemContent | null> {
  if (revision < 1) return null;
  const [r] = await db.select().from(postmortemRevisions).where(and(eq(postmortemRevisions.postmortemId, postmortemId), eq(postmortemRevisions.revision, revision)));
  return r ? (r.content as unknown as PostmortemContent) : null;
}
