"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { assignRole } from "@/lib/workspace/assign-role";
import { breakGlass } from "@/lib/workspace/break-glass";
import { postStatusUpdate } from "@/lib/workspace/post-status-update";
import { removeParticipant } from "@/lib/workspace/remove-participant";
import { setConfidential } from "@/lib/workspace/set-confidential";
import { setIncidentType } from "@/lib/workspace/set-incident-type";
import { tickChecklistItem } from "@/lib/workspace/tick-checklist-item";

const incidentPage = (form: FormData) => `/incidents/${String(form.get("incidentId") ?? "")}`;

export const assignRoleAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await assignRole({ ctx, input });
  return { message: "Role assigned.", revalidate: [`/incidents/${String(input.incidentId ?? "")}`] };
});

export const joinIncidentAction = plainAction(incidentPage, async (ctx, form) => {
  await assignRole({ ctx, input: { incidentId: form.get("incidentId"), userId: ctx.viewer.userId, role: "responder" } });
});

export const removeParticipantAction = plainAction(incidentPage, async (ctx, form) => {
  await removeParticipant({ ctx, input: formInput(form) });
});

export const setIncidentTypeAction = plainAction(incidentPage, async (ctx, form) => {
  const input = formInput(form);
  await setIncidentType({ ctx, input: { ...input, typeId: input.typeId ? input.typeId : null } });
});

export const tickChecklistItemAction = plainAction(incidentPage, async (ctx, form) => {
  await tickChecklistItem({ ctx, input: formInput(form) });
});

export const postStatusUpdateAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await postStatusUpdate({ ctx, input });
  return { message: "Status update posted.", revalidate: [`/incidents/${String(input.incidentId ?? "")}`] };
});

export const setConfidentialAction = plainAction(incidentPage, async (ctx, form) => {
  await setConfidential({ ctx, input: formInput(form) });
});

export const breakGlassAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await breakGlass({ ctx, input });
  return { message: "Access granted for an hour.", redirectTo: `/incidents/${String(input.incidentId ?? "")}` };
});
