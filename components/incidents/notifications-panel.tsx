import { BellRing, Mail, Smartphone, type LucideIcon } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { IncidentNotificationOutput } from "@/lib/incidents/list-incident-notifications";
import { formatClock } from "@/lib/format/date-time";

const CHANNEL: Record<IncidentNotificationOutput["channel"], { label: string; icon: LucideIcon }> = {
  in_app: { label: "In-app alarm", icon: BellRing },
  email: { label: "Email", icon: Mail },
  push: { label: "Push", icon: Smartphone },
};
const STATE: Record<IncidentNotificationOutput["state"], { label: string; variant: BadgeVariant }> = {
  pending: { label: "Scheduled", variant: "neutral" },
  sent: { label: "Sent", variant: "info" },
  delivered: { label: "Delivered", variant: "brand" },
  read: { label: "Read", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  cancelled: { label: "Cancelled", variant: "neutral" },
};

/** Who was notified about an incident, on which channel, at which level and repeat, and what became of it. */
export function NotificationsPanel({ notifications, timeZone }: { notifications: IncidentNotificationOutput[]; timeZone: string }) {
  const time = (iso: string | null) => (iso ? formatClock(iso, timeZone, { seconds: true }) : null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notifications</CardTitle>
        <CardDescription>Who was paged, how, and whether it reached them ({timeZone}).</CardDescription>
      </CardHeader>
      <CardContent>
        {notifications.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody has been notified yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Notifications">
            {notifications.map((n) => {
              const c = CHANNEL[n.channel];
              const s = STATE[n.state];
              const steps = [
                ["sent", time(n.sentAt)],
                ["delivered", time(n.deliveredAt)],
                ["read", time(n.readAt)],
                ["failed", time(n.failedAt)],
              ].filter(([, v]) => v);
              return (
                <li key={n.id} className="py-2.5 first:pt-0 last:pb-0" data-state={n.state}>
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-slate-900">{n.person?.name ?? n.email}</p>
                      <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-500">
                        <c.icon className="size-3.5" aria-hidden />
                        <span>{n.kind === "failover" ? "Failover email" : c.label}</span>
                        {n.kind === "page" && (
                          <span>
                            · level {n.level + 1}
                            {n.repeat > 0 ? `, repeat ${n.repeat}` : ""}
                          </span>
                        )}
                        {n.sends > 1 && <span>· sent {n.sends}×</span>}
                      </p>
                    </div>
                    <Badge variant={s.variant} dot={n.state === "read" || n.state === "failed"}>
                      {s.label}
                    </Badge>
                  </div>
                  {steps.length > 0 && <p className="mt-1 text-xs text-slate-500 tabular-nums">{steps.map(([k, v]) => `${k} ${v}`).join(" · ")}</p>}
                  {n.error && (n.state === "failed" || n.state === "pending" || n.state === "sent") && (
                    <p className="mt-1 text-xs break-words text-red-700">
                      {n.state === "failed" ? "Failed: " : "Last error: "}
                      {n.error}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
