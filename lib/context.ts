import type { Database } from "@/db/client";
import type { Viewer } from "@/lib/access/viewer";
import type { RequestMeta } from "@/lib/audit/record";

/** What every use case receives: the database, who is asking, where from, and the instant. */
export type Ctx = { db: Database; viewer: Viewer; meta: RequestMeta; now: Date };

/** For work with no human asking (start-up, the CLI, workflows). */
export type SystemCtx = { db: Database; meta: RequestMeta; now: Date; viewer?: null };
