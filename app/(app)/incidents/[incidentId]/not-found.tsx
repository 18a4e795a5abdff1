import { SearchX } from "lucide-react";
import Link from "next/link";
import { BreakGlassForm } from "@/components/incidents/break-glass-form";
import { can } from "@/lib/access/check";
import { getSessionViewer } from "@/lib/auth/session-viewer";
import { breakGlassAction } from "../workspace-actions";

/** An incident that does not exist or is not shared with you; admins may break the glass on a confidential one. */
export default async function IncidentNotFound() {
  const viewer = await getSessionViewer();
  return (
    <section aria-label="Not found" className="mx-auto max-w-md px-6 py-16 text-center">
      <span className="mx-auto grid size-12 place-items-center rounded-full bg-slate-100 text-slate-600">
        <SearchX className="size-6" aria-hidden />
      </span>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This incident does not exist, or it is not shared with you.</p>
      <Link href="/incidents" className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:underline">
        Back to incidents
      </Link>
      {viewer && can(viewer, "incidents:break-glass") && <BreakGlassForm action={breakGlassAction} />}
    </section>
  );
}
