"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { updateIncidentType } from "@/lib/workspace/update-incident-type";

export const updateIncidentTypeAction = safeAction(async (ctx, form) => {
  const input = formInput(form, { json: ["steps"] });
  await updateIncidentType({ ctx, input });
  return { message: "Checklist template saved. Incidents already typed keep their own copy.", revalidate: ["/incident-types", `/incident-types/${String(input.typeId ?? "")}`] };
});
