import { Badge } from "@/components/ui/badge";

type Status = "triggered" | "acknowledged" | "resolved";
type Priority = "high" | "medium" | "low";

const STATUS: Record<Status, { variant: "danger" | "warning" | "success"; label: string }> = {
  triggered: { variant: "danger", label: "Triggered" },
  acknowledged: { variant: "warning", label: "Acknowledged" },
  resolved: { variant: "success", label: "Resolved" },
};
const PRIORITY: Record<Priority, { variant: "danger" | "warning" | "neutral"; label: string }> = {
  high: { variant: "danger", label: "High" },
  medium: { variant: "warning", label: "Medium" },
  low: { variant: "neutral", label: "Low" },
};

export function IncidentStatusBadge({ status, deferred }: { status: Status; deferred?: boolean }) {
  if (status === "triggered" && deferred) {
    return (
      <Badge variant="info" dot>
        Waiting
      </Badge>
    );
  }
  const s = STATUS[status];
  return (
    <Badge variant={s.variant} dot={status === "triggered" ? "pulse" : true}>
      {s.label}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const p = PRIORITY[priority];
  return <Badge variant={p.variant}>{p.label} priority</Badge>;
}

/** Every level and repeat of the escalation passed with nobody answering; cleared when someone takes it. */
export function UnansweredBadge({ since }: { since?: string }) {
  return (
    <Badge variant="danger" dot="pulse" className="bg-red-600 text-white ring-red-700" title={since ? `Unanswered since ${new Date(since).toUTCString()}` : undefined}>
      Unanswered
    </Badge>
  );
}
