"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getSessionViewer } from "@/lib/auth/session-viewer";
import { acknowledgeFromEmail, readFromEmail } from "@/lib/escalations/email-action";
import { loadEmailActionView } from "@/lib/escalations/email-action-view";

// The token is the only credential here: each action verifies it (signature, person, incident still open).
const tokenSchema = z.string().trim().min(1).max(200);
const linkPage = (token: string) => `/n/${encodeURIComponent(token)}`;

function tokenOf(form: FormData): string {
  const parsed = tokenSchema.safeParse(form.get("token"));
  // A malformed token can't verify; its page says the link no longer works.
  return parsed.success ? parsed.data : "invalid";
}

/** "Acknowledge": the link's person reads and takes the incident; the page then says what happened. */
export async function acknowledgeFromLinkAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  await acknowledgeFromEmail(await getDb(), token, new Date());
  redirect(linkPage(token));
}

/** "Open incident": the page counts as read, then the incident (signing in first if needed, as the link's person). */
export async function openFromLinkAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  const db = await getDb();
  const view = await loadEmailActionView(db, token);
  if (!view) redirect(linkPage(token));
  const read = await readFromEmail(db, token, new Date());
  if (!read.ok) redirect(linkPage(token));
  const destination = `/incidents/${read.incidentId}`;
  if (!(await getSessionViewer())) redirect(`/signin?${new URLSearchParams({ email: view.personEmail, callbackUrl: destination })}`);
  redirect(destination);
}
