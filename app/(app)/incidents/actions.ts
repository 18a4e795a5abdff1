"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { addIncidentNote } from "@/lib/incidents/add-incident-note";
import { resolveIncident } from "@/lib/incidents/resolve-incident";

const incidentPage = (form: FormData) => `/incidents/${String(form.get("incidentId") ?? "")}`;

export const acknowledgeIncidentAction = plainAction(incidentPage, async (ctx, form) => {
  await acknowledgeIncident({ ctx, input: formInput(form) });
});

export const resolveIncidentAction = plainAction(incidentPage, async (ctx, form) => {
  await resolveIncident({ ctx, input: formInput(form) });
});

export const addIncidentNoteAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await addIncidentNote({ ctx, input });
  return { message: "Note added.", revalidate: [`/incidents/${String(input.incidentId ?? "")}`] };
});
