import { IcalFeedSection } from "@/components/schedules/ical-feed-section";
import type { Database } from "@/db/client";
import { activeFeed } from "@/lib/feeds/ical-feeds";
import { createIcalFeedAction, revokeIcalFeedAction } from "./ical-actions";

/** The iCal feed panel of a schedule or of "my shifts": whether a feed is active, with its create and revoke actions. */
export async function IcalFeed({ db, kind, targetId }: { db: Database; kind: "schedule" | "person"; targetId: string }) {
  return <IcalFeedSection kind={kind} targetId={targetId} active={!!(await activeFeed(db, kind, targetId))} createAction={createIcalFeedAction} revokeAction={revokeIcalFeedAction} />;
}
