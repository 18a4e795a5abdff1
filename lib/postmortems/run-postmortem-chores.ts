import type { Database } from "@/db/client";
import { createMissingDrafts } from "./create-missing-drafts";
import { sendMeetingReminders } from "./send-meeting-reminders";

/** What both workflow drivers do for post-mortems each pass: drafts for resolved incidents without one, meeting reminders. */
export async function runPostmortemChores(db: Database, now: Date): Promise<{ drafts: number; meetingReminders: number }> {
  const drafts = await createMissingDrafts(db, now);
  const meetingReminders = await sendMeetingReminders(db, now);
  return { drafts, meetingReminders };
}
