import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { BatonError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { meetingIcs } from "@/lib/postmortems/meeting-ics";

/** The after-action meeting as an .ics, linked from the invitation email (signing in first). */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ postmortemId: string }> },
) {
  const ctx = await requireSessionCtx();
  try {
    const ics = await meetingIcs(ctx, (await params).postmortemId);
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition":
          'attachment; filename="after-action-meeting.ics"',
      },
    });
  } catch (e) {
    if (e instanceof BatonError) return errorResponse(e);
    throw e;
  }
}
