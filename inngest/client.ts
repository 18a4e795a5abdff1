import { Inngest } from "inngest";

/**
 * The Inngest client. Durable functions (escalation, deferred promotion, failover email,
 * reminders, the auditor) are registered in inngest/index.ts and served at /api/inngest when
 * INNGEST_EVENT_KEY or INNGEST_DEV is set; otherwise the embedded driver runs the same verbs.
 */
export const inngest = new Inngest({ id: "baton" });
