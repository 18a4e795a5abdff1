"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { createClient } from "@/lib/clients/create-client";
import { deleteClient } from "@/lib/clients/delete-client";
import { updateClient } from "@/lib/clients/update-client";

const CLIENT_FORM = { arrays: ["teamIds", "stakeholderIds"], json: ["businessHours", "holidays", "slaTargets"] };

export const createClientAction = safeAction(async (ctx, form) => {
  const client = await createClient({ ctx, input: formInput(form, CLIENT_FORM) });
  return { redirectTo: `/clients/${client.id}`, revalidate: ["/clients", "/"] };
});

export const updateClientAction = safeAction(async (ctx, form) => {
  const client = await updateClient({ ctx, input: formInput(form, CLIENT_FORM) });
  return { message: `Saved ${client.name}.`, revalidate: [`/clients/${client.id}`, "/clients", "/"] };
});

export const deleteClientAction = plainAction(
  (form) => `/clients/${String(form.get("clientId") ?? "")}`,
  async (ctx, form) => {
    await deleteClient({ ctx, input: { clientId: form.get("clientId"), confirmName: form.get("confirmation") ?? "" } });
    return "/clients";
  },
);
