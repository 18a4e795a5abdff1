import { handleEnqueue } from "@/lib/ingest/enqueue-handler";

/** PagerDuty Events API v2: point any tool that pages PagerDuty here by changing one URL. */
export function POST(req: Request) {
  return handleEnqueue(req);
}
