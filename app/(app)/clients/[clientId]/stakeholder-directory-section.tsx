import { StakeholderDirectory } from "@/components/communications/stakeholder-directory";
import { can } from "@/lib/access/check";
import { listContacts } from "@/lib/communications/list-contacts";
import type { Ctx } from "@/lib/context";
import { deleteContactAction, saveContactAction } from "../communications-actions";

/** The client page's stakeholder directory: staff read it, managers edit it; stakeholders don't see it. */
export async function StakeholderDirectorySection({ ctx, clientId }: { ctx: Ctx; clientId: string }) {
  if (!can(ctx.viewer, "incidents:read-internal")) return null;
  const contacts = await listContacts(ctx, clientId);
  return <StakeholderDirectory clientId={clientId} contacts={contacts} manage={can(ctx.viewer, "clients:manage")} templatesHref={`/clients/${clientId}/templates`} saveAction={saveContactAction} deleteAction={deleteContactAction} />;
}
