"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { requestOrigin } from "@/lib/auth/session-viewer";
import { createIcalFeed, revokeIcalFeed } from "@/lib/feeds/ical-feeds";

export const createIcalFeedAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  const { token } = await createIcalFeed({ ctx, input });
  return { message: "Subscribe to this URL in your calendar app. Keep it secret: anyone with it can read these shifts.", secret: `${await requestOrigin()}/api/ical/${token}.ics` };
});

export const revokeIcalFeedAction = safeAction(async (ctx, form) => {
  await revokeIcalFeed({ ctx, input: formInput(form) });
  return { message: "The old URL no longer works." };
});
