import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CONTACT_ROLE_LABELS, type StakeholderUpdateOutput } from "@/lib/communications/schemas";
import { formatDateTime } from "@/lib/format/date-time";

const at = (iso: string, zone: string) => formatDateTime(iso, zone);

/** Updates sent to the client's stakeholders, newest first: staff see every audience; a stakeholder what was meant for them. */
export function StakeholderUpdatesPanel({ updates, timeZone, internal, action }: { updates: StakeholderUpdateOutput[]; timeZone: string; internal: boolean; action?: React.ReactNode }) {
  if (!internal && updates.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle>{internal ? "Stakeholder updates" : "Updates for you"}</CardTitle>
            <CardDescription>{internal ? "What was emailed to the client's stakeholders." : "Sent by your MSP about this incident."}</CardDescription>
          </div>
          {action}
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {updates.length === 0 && <p className="text-sm text-slate-500">No update sent yet.</p>}
        {[...updates].reverse().map((u) => (
          <div key={u.id} className="space-y-2">
            <p className="text-xs text-slate-500">
              <time dateTime={u.sentAt}>{at(u.sentAt, timeZone)}</time>
              {u.sentBy ? ` · ${u.sentBy.name}` : ""}
            </p>
            {u.messages.map((m) => (
              <article key={m.audience} className="rounded-lg border border-slate-200 p-3">
                {internal && (
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                    {CONTACT_ROLE_LABELS[m.audience]}
                    {m.recipients ? ` · ${m.recipients.map((r) => r.name).join(", ")}` : ""}
                  </p>
                )}
                <p className="font-medium break-words text-slate-900">{m.subject}</p>
                <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{m.body}</p>
              </article>
            ))}
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
