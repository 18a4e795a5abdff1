"use server";

import { revalidatePath } from "next/cache";
import { formInput } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { isoInstantOfLocalDateTime } from "@/lib/core/time";
import { previewStakeholderUpdate } from "@/lib/communications/preview-update";
import type { AudienceMessage } from "@/lib/communications/schemas";
import { sendStakeholderUpdate } from "@/lib/communications/send-update";
import { BatonError } from "@/lib/errors";
import { recordHandover } from "@/lib/evidence/record-handover";

const incidentPage = (form: FormData) => `/incidents/${String(form.get("incidentId") ?? "")}`;

export const recordHandoverAction = plainAction(incidentPage, async (ctx, form) => {
  const input = formInput(form);
  if (typeof input.at === "string" && input.at) input.at = isoInstantOfLocalDateTime(input.at, ctx.viewer.timeZone) ?? input.at;
  await recordHandover({ ctx, input });
});

export type UpdateDraft = { incidentId: string; audiences: string[]; impact: string; nextUpdateAt: string; message: string };
export type UpdateResult = { ok: true; messages: AudienceMessage[]; sent?: boolean; failed?: string[] } | { ok: false; message: string; field?: string };

/** The dialog's next-update time is typed in the sender's own zone (the template shows it in the client's). */
const asInput = (d: UpdateDraft, timeZone: string) => ({ ...d, nextUpdateAt: d.nextUpdateAt ? (isoInstantOfLocalDateTime(d.nextUpdateAt, timeZone) ?? d.nextUpdateAt) : null });
const failure = (e: unknown): UpdateResult => {
  if (e instanceof BatonError) return { ok: false, message: e.issues?.[0]?.message ?? e.message, field: e.issues?.[0]?.path };
  throw e;
};

/** Renders the update per audience for the dialog; nothing is sent. */
export async function previewUpdateAction(draft: UpdateDraft): Promise<UpdateResult> {
  const ctx = await requireSessionCtx();
  try {
    const { messages } = await previewStakeholderUpdate({ ctx, input: asInput(draft, ctx.viewer.timeZone) });
    return { ok: true, messages };
  } catch (e) {
    return failure(e);
  }
}

export async function sendUpdateAction(draft: UpdateDraft): Promise<UpdateResult> {
  const ctx = await requireSessionCtx();
  try {
    const sent = await sendStakeholderUpdate({ ctx, input: asInput(draft, ctx.viewer.timeZone) });
    revalidatePath(`/incidents/${draft.incidentId}`);
    return { ok: true, messages: sent.messages.map((m) => ({ ...m, recipients: m.recipients ?? [] })), sent: true, failed: sent.failed };
  } catch (e) {
    return failure(e);
  }
}
