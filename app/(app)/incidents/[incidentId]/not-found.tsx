import { SearchX } from "lucide-react";
import { BreakGlassForm } from "@/components/incidents/break-glass-form";
import { StatusPage } from "@/components/status-page";
import { can } from "@/lib/access/check";
import { getSessionViewer } from "@/lib/auth/session-viewer";
import { breakGlassAction } from "../workspace-actions";

/** An incident that does not exist or is not shared with you; admins may break the glass on a confidential one. */
export default async function IncidentNotFound() {
  const viewer = await getSessionViewer();
  return (
    <>
      <StatusPage icon={SearchX} tone="neutral" title="Not found" message="This incident does not exist, or it is not shared with you." />
      {viewer && can(viewer, "incidents:break-glass") && <BreakGlassForm action={breakGlassAction} />}
    </>
  );
}
