import { CheckSquare, Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import type { WorkspaceView } from "@/lib/workspace/load-workspace";
import { formatDateTime } from "@/lib/format/date-time";

type Props = { incidentId: string; view: WorkspaceView; timeZone: string; setType: (form: FormData) => Promise<void>; tick: (form: FormData) => Promise<void> };

const at = (iso: string, zone: string) => formatDateTime(iso, zone);

/** The incident type and its checklist: ticking a step writes who and when to the timeline. */
export function ChecklistPanel({ incidentId, view, timeZone, setType, tick }: Props) {
  const { checklist } = view;
  const done = checklist.items.filter((i) => i.doneAt).length;
  const sections = [...new Set(checklist.items.map((i) => i.section))];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Checklist</CardTitle>
        <CardDescription>{checklist.type ? `${checklist.type.name} · ${done} of ${checklist.items.length} done` : "Choose the incident type to get its checklist."}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {view.canRespond && (
          <form key={checklist.type?.id ?? "none"} action={setType} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="incidentId" value={incidentId} />
            <label className="flex-1 text-sm font-medium text-slate-700">
              Incident type
              <Select name="typeId" defaultValue={checklist.type?.id ?? ""} placeholder="No type" wrapperClassName="mt-1" aria-label="Incident type">
                {view.types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            </label>
            <Button type="submit" variant="outline">
              Set type
            </Button>
          </form>
        )}
        {sections.map((section) => (
          <div key={section}>
            {section && <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{section}</h3>}
            <ul className="space-y-1" aria-label={section || "Steps"}>
              {checklist.items
                .filter((i) => i.section === section)
                .map((item) => (
                  <li key={item.id} className="flex items-start gap-2 rounded-md py-1">
                    <form action={tick} className="shrink-0">
                      <input type="hidden" name="incidentId" value={incidentId} />
                      <input type="hidden" name="itemId" value={item.id} />
                      <input type="hidden" name="done" value={item.doneAt ? "false" : "true"} />
                      <Button type="submit" size="icon" variant="ghost" className="size-8" disabled={!view.canRespond} aria-label={`${item.doneAt ? "Reopen" : "Done"}: ${item.title}`}>
                        {item.doneAt ? <CheckSquare className="size-5 text-emerald-600" aria-hidden /> : <Square className="size-5 text-slate-400" aria-hidden />}
                      </Button>
                    </form>
                    <div className="min-w-0 pt-1.5 text-sm break-words">
                      <p className={item.doneAt ? "text-slate-500 line-through" : "font-medium text-slate-900"}>{item.title}</p>
                      {item.detail && <p className="mt-0.5 text-xs leading-5 text-slate-600">{item.detail}</p>}
                      {item.doneAt && (
                        <p className="mt-0.5 text-xs text-emerald-700">
                          Done by {item.doneBy?.name ?? "someone"} · <time dateTime={item.doneAt}>{at(item.doneAt, timeZone)}</time>
                        </p>
                      )}
                    </div>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
