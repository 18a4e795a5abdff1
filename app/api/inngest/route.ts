import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

/**
 * Inngest calls Baton here: GET introspects the functions, PUT registers them, POST runs a step.
 * Requests are signed with INNGEST_SIGNING_KEY (Inngest Cloud or `inngest start`); INNGEST_DEV=1
 * accepts the local dev server unsigned. The functions open the database only when a step runs.
 */
export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = serve({ client: inngest, functions });
