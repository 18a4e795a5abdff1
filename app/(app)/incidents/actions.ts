"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { addIncidentNote } from "@/lib/incidents/add-incident-note";
import { declareIncident } from "@/lib/incidents/declare-incident";
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

/** Declares an incident by hand and opens it. A priority posted empty counts as none given: high, unless a priority rule says otherwise. */
export const declareIncidentAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  if (input.priority === "") delete input.priority;
  const incident = await declareIncident({ ctx, input });
  return { redirectTo: `/incidents/${incident.id}`, revalidate: ["/incidents"] };
});
