"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { requestOrigin } from "@/lib/auth/session-viewer";
import { isoInstantOfLocalDateTime } from "@/lib/core/time";
import { InvalidError } from "@/lib/errors";
import { createService } from "@/lib/services/create-service";
import { deleteService } from "@/lib/services/delete-service";
import { createHeartbeat, deleteHeartbeat } from "@/lib/services/heartbeats";
import { createIntegrationKey, revokeIntegrationKey } from "@/lib/services/integration-keys";
import { createMaintenanceWindow, endMaintenanceWindow } from "@/lib/services/maintenance-windows";
import { setClientAlertPolicy, setServicePriorityRules } from "@/lib/services/priority-rules";
import { updateService } from "@/lib/services/update-service";

const servicePage = (form: FormData) => `/services/${String(form.get("serviceId") ?? "")}`;

/** The form's "None" option posts "": no policy. */
function serviceInput(form: FormData) {
  const input = formInput(form);
  if (input.escalationPolicyId === "") input.escalationPolicyId = null;
  return input;
}

export const createServiceAction = safeAction(async (ctx, form) => {
  const service = await createService({ ctx, input: serviceInput(form) });
  return { redirectTo: `/services/${service.id}`, revalidate: ["/services"] };
});

export const updateServiceAction = safeAction(async (ctx, form) => {
  const service = await updateService({ ctx, input: serviceInput(form) });
  return { message: `Saved ${service.name}.`, revalidate: [`/services/${service.id}`, "/services"] };
});

export const saveEmailRulesAction = safeAction(async (ctx, form) => {
  const service = await updateService({ ctx, input: formInput(form, { json: ["emailRules"] }) });
  return { message: "Email rules saved.", revalidate: [`/services/${service.id}`] };
});

export const deleteServiceAction = plainAction(servicePage, async (ctx, form) => {
  await deleteService({ ctx, input: { serviceId: form.get("serviceId"), confirmName: form.get("confirmation") ?? "" } });
  return "/services";
});

export const createIntegrationKeyAction = safeAction(async (ctx, form) => {
  const { key, record } = await createIntegrationKey({ ctx, input: formInput(form) });
  return { message: `Key “${record.name}” created. Copy it now: it is shown once.`, secret: key, revalidate: [servicePage(form)] };
});

export const revokeIntegrationKeyAction = plainAction(servicePage, async (ctx, form) => {
  await revokeIntegrationKey({ ctx, input: formInput(form) });
});

export const saveServicePriorityRulesAction = safeAction(async (ctx, form) => {
  await setServicePriorityRules({ ctx, input: formInput(form, { json: ["rules"] }) });
  return { message: "Priority rules saved.", revalidate: [servicePage(form)] };
});

/** "2026-11-28T22:00" from a datetime-local field, read in the person's own time zone. */
function localInstant(value: FormDataEntryValue | null, timeZone: string, field: string): string {
  const iso = isoInstantOfLocalDateTime(String(value ?? ""), timeZone);
  if (!iso) throw InvalidError.field(field, "Choose a real date and time");
  return iso;
}

export const createMaintenanceWindowAction = safeAction(async (ctx, form) => {
  const startsAt = localInstant(form.get("startsLocal"), ctx.viewer.timeZone, "startsAt");
  const hours = Number(form.get("hours"));
  if (!Number.isFinite(hours) || hours <= 0 || hours > 744) throw InvalidError.field("hours", "Between a few minutes and 31 days (744 hours)");
  const endsAt = new Date(new Date(startsAt).getTime() + hours * 3_600_000).toISOString();
  await createMaintenanceWindow({ ctx, input: { serviceId: form.get("serviceId"), startsAt, endsAt, reason: form.get("reason") ?? "" } });
  return { message: "Maintenance window scheduled.", revalidate: [servicePage(form), "/services"] };
});

export const endMaintenanceWindowAction = plainAction(servicePage, async (ctx, form) => {
  await endMaintenanceWindow({ ctx, input: formInput(form) });
});

export const createHeartbeatAction = safeAction(async (ctx, form) => {
  const { pingPath, record } = await createHeartbeat({ ctx, input: formInput(form) });
  return { message: `Heartbeat “${record.name}” created. Its ping URL is shown once:`, secret: `${await requestOrigin()}${pingPath}`, revalidate: [servicePage(form)] };
});

export const deleteHeartbeatAction = plainAction(servicePage, async (ctx, form) => {
  await deleteHeartbeat({ ctx, input: formInput(form) });
});

export const saveClientAlertPolicyAction = safeAction(async (ctx, form) => {
  const input = formInput(form, { json: ["rules"] });
  await setClientAlertPolicy({ ctx, input });
  return { message: "Saved.", revalidate: [`/clients/${String(input.clientId ?? "")}/priority-rules`] };
});
