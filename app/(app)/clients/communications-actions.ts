"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { deleteContact } from "@/lib/communications/delete-contact";
import { createContact } from "@/lib/communications/create-contact";
import { updateContact } from "@/lib/communications/update-contact";
import { createTemplate } from "@/lib/communications/create-template";
import { deleteTemplate } from "@/lib/communications/delete-template";
import { updateTemplate } from "@/lib/communications/update-template";

const clientPage = (form: FormData) => `/clients/${String(form.get("clientId") ?? "")}`;

export const saveContactAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  if (input.contactId) await updateContact({ ctx, input });
  else await createContact({ ctx, input });
  return { message: input.contactId ? "Contact saved." : "Contact added.", revalidate: [clientPage(form)] };
});

export const deleteContactAction = plainAction(clientPage, async (ctx, form) => {
  await deleteContact({ ctx, input: formInput(form) });
});

const templatesPage = (form: FormData) => `/clients/${String(form.get("clientId") ?? "")}/templates`;

export const saveTemplateAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  if (input.templateId) await updateTemplate({ ctx, input });
  else await createTemplate({ ctx, input: { ...input, clientId: input.scope === "client" ? input.clientId : null } });
  return { message: "Template saved.", revalidate: [templatesPage(form)] };
});

export const deleteTemplateAction = plainAction(templatesPage, async (ctx, form) => {
  await deleteTemplate({ ctx, input: formInput(form) });
});
