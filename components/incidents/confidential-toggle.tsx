import { Lock, LockOpen } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** The lock badge of a confidential incident and, for its incident manager or a manager, the switch. */
export function ConfidentialToggle({ incidentId, confidential, canManage, action }: { incidentId: string; confidential: boolean; canManage: boolean; action: (form: FormData) => Promise<void> }) {
  if (!confidential && !canManage) return null;
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
      {confidential ? (
        <Badge variant="danger">
          <Lock className="size-3.5" aria-hidden /> Confidential
        </Badge>
      ) : (
        <Badge variant="neutral">
          <LockOpen className="size-3.5" aria-hidden /> Not confidential
        </Badge>
      )}
      <p className="min-w-60 flex-1 text-sm text-slate-600">
        {confidential ? "Only its participants, the people it paged and incident managers can see it; every read is audited." : "Everyone working this client's incidents can see it."}
      </p>
      {canManage && (
        <form action={action}>
          <input type="hidden" name="incidentId" value={incidentId} />
          <input type="hidden" name="confidential" value={confidential ? "false" : "true"} />
          <Button type="submit" size="sm" variant={confidential ? "outline" : "secondary"}>
            {confidential ? <LockOpen className="size-4" aria-hidden /> : <Lock className="size-4" aria-hidden />}
            {confidential ? "Make visible" : "Mark confidential"}
          </Button>
        </form>
      )}
    </div>
  );
}
