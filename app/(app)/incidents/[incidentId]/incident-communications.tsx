import { EvidencePanel } from "@/components/incidents/evidence-panel";
import { SendUpdateDialog } from "@/components/incidents/send-update-dialog";
import { StakeholderUpdatesPanel } from "@/components/incidents/stakeholder-updates-panel";
import { can } from "@/lib/access/check";
import { listContacts } from "@/lib/communications/list-contacts";
import { listStakeholderUpdates } from "@/lib/communications/list-updates";
import { CONTACT_ROLE_LABELS } from "@/lib/communications/schemas";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { formatBytes } from "@/lib/evidence/register-evidence";
import { previewUpdateAction, recordHandoverAction, sendUpdateAction } from "../communications-actions";

/** The incident page's stakeholder updates and (staff only) evidence register, loaded here so the page needs one line. */
export async function IncidentCommunications({ ctx, incident }: { ctx: Ctx; incident: { id: string; client: { id: string; timeZone: string } } }) {
  const internal = can(ctx.viewer, "incidents:read-internal");
  const respond = can(ctx.viewer, "incidents:respond");
  const [updates, evidence, contacts] = await Promise.all([
    listStakeholderUpdates(ctx, incident.id),
    internal ? listEvidence(ctx, incident.id) : Promise.resolve([]),
    internal && respond ? listContacts(ctx, incident.client.id) : Promise.resolve([]),
  ]);
  const audiences = (Object.keys(CONTACT_ROLE_LABELS) as (keyof typeof CONTACT_ROLE_LABELS)[])
    .filter((role) => contacts.some((c) => c.role === role))
    .map((role) => ({ role, label: CONTACT_ROLE_LABELS[role], withEmail: contacts.filter((c) => c.role === role && c.email).length }));
  const zone = ctx.viewer.timeZone;
  return (
    <>
      <StakeholderUpdatesPanel
        updates={updates}
        timeZone={zone}
        internal={internal}
        action={internal && respond ? <SendUpdateDialog incidentId={incident.id} audiences={audiences} clientZone={incident.client.timeZone} viewerZone={zone} preview={previewUpdateAction} send={sendUpdateAction} /> : undefined}
      />
      {internal && <EvidencePanel incidentId={incident.id} evidence={evidence} timeZone={zone} maxBytesLabel={formatBytes(env().EVIDENCE_MAX_BYTES)} canWrite={respond} handoverAction={recordHandoverAction} />}
    </>
  );
}
