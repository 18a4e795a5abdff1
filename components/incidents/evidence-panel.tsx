import { Download, FileLock2, Upload } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { EvidenceOutput } from "@/lib/evidence/schemas";
import { formatDateTime } from "@/lib/format/date-time";

const at = (iso: string, zone: string) => formatDateTime(iso, zone);
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

/**
 * The incident's evidence register with each chain of custody (staff only). Registering posts a
 * multipart form to the incident's evidence route; a handover is a server action.
 */
export function EvidencePanel({
  incidentId,
  evidence,
  timeZone,
  maxBytesLabel,
  canWrite,
  handoverAction,
}: {
  incidentId: string;
  evidence: EvidenceOutput[];
  timeZone: string;
  maxBytesLabel: string;
  canWrite: boolean;
  handoverAction: (form: FormData) => Promise<void>;
}) {
  return (
    <Card id="evidence">
      <CardHeader>
        <CardTitle>Evidence</CardTitle>
        <CardDescription>What was collected, how, by whom and when, with its SHA-256 and every handover. Internal: stakeholders never see it.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {evidence.length === 0 && <p className="text-sm text-slate-500">No evidence registered yet.</p>}
        <ul className="space-y-4" aria-label="Evidence">
          {evidence.map((e) => {
            const holder = e.custody[e.custody.length - 1]?.to;
            return (
              <li key={e.id} className="rounded-lg border border-slate-200 p-3 sm:p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium break-all text-slate-900">
                      <FileLock2 className="size-4 shrink-0 text-slate-500" aria-hidden />
                      {e.name}
                      {e.stored ? <Badge variant="success">Stored · {size(e.size ?? 0)}</Badge> : <Badge variant="neutral">Kept elsewhere</Badge>}
                    </p>
                    {e.description && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{e.description}</p>}
                  </div>
                  {e.stored && (
                    <Button asChild variant="outline" size="sm">
                      <a href={`/incidents/${incidentId}/evidence/${e.id}`}>
                        <Download className="size-4" aria-hidden /> Download
                      </a>
                    </Button>
                  )}
                </div>
                <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                  <dt className="text-slate-500">Collected</dt>
                  <dd className="text-slate-900">
                    {at(e.collectedAt, timeZone)}
                    {e.collectedBy ? ` by ${e.collectedBy.name}` : ""}
                  </dd>
                  {e.method && (
                    <>
                      <dt className="text-slate-500">How</dt>
                      <dd className="break-words text-slate-900">{e.method}</dd>
                    </>
                  )}
                  {e.location && (
                    <>
                      <dt className="text-slate-500">Where</dt>
                      <dd className="break-words text-slate-900">{e.location}</dd>
                    </>
                  )}
                  <dt className="text-slate-500">SHA-256</dt>
                  <dd className="font-mono text-xs leading-5 break-all text-slate-800">{e.sha256}</dd>
                  {holder && (
                    <>
                      <dt className="text-slate-500">Held by</dt>
                      <dd className="text-slate-900">{holder}</dd>
                    </>
                  )}
                </dl>
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-slate-700">Chain of custody ({e.custody.length})</summary>
                  <ol className="mt-2 space-y-1.5 border-l border-slate-200 pl-3" aria-label={`Chain of custody of ${e.name}`}>
                    {e.custody.map((c) => (
                      <li key={c.id} className="text-slate-700">
                        <time dateTime={c.at} className="text-xs text-slate-500 tabular-nums">
                          {at(c.at, timeZone)}
                        </time>{" "}
                        <span className="text-slate-900">
                          {c.from} → {c.to}
                        </span>
                        {c.purpose && <span className="text-slate-500"> · {c.purpose}</span>}
                        {c.recordedBy && <span className="text-xs text-slate-500"> (recorded by {c.recordedBy.name})</span>}
                      </li>
                    ))}
                  </ol>
                  {canWrite && (
                    <form action={handoverAction} className="mt-3 grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
                      <input type="hidden" name="incidentId" value={incidentId} />
                      <input type="hidden" name="evidenceId" value={e.id} />
                      <Field label="Handed to">
                        <Input name="to" required maxLength={200} placeholder="Person or place" />
                      </Field>
                      <Field label="Purpose" optional>
                        <Input name="purpose" maxLength={1000} placeholder="e.g. Imaging, legal review" />
                      </Field>
                      <Button type="submit" variant="secondary">
                        Record handover
                      </Button>
                    </form>
                  )}
                </details>
              </li>
            );
          })}
        </ul>
        {canWrite && (
          <details className="rounded-lg border border-dashed border-slate-300 p-3 sm:p-4">
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">Register evidence</summary>
            <form action={`/incidents/${incidentId}/evidence`} method="post" encType="multipart/form-data" className="mt-3 grid gap-3 sm:grid-cols-2">
              <Field label="Name" className="sm:col-span-2">
                <Input name="name" required maxLength={200} placeholder="pms-01 memory image" />
              </Field>
              <Field label="Description" optional className="sm:col-span-2">
                <Textarea name="description" rows={2} maxLength={4000} />
              </Field>
              <Field label="How it was collected" optional>
                <Input name="method" maxLength={1000} placeholder="winpmem 4.0 over RDP" />
              </Field>
              <Field label="Collected at" optional hint={`In your time zone (${timeZone}); now if left empty.`}>
                <Input name="collectedAt" type="datetime-local" />
              </Field>
              <Field label="File" optional hint={`Stored in Baton and hashed here; at most ${maxBytesLabel}.`}>
                <Input name="file" type="file" />
              </Field>
              <Field label="Or its SHA-256" optional hint="For evidence kept elsewhere: 64 hex characters.">
                <Input name="sha256" maxLength={64} pattern="[0-9a-fA-F]{64}" className="font-mono" />
              </Field>
              <Field label="Where it is kept" optional hint="Required for evidence kept elsewhere.">
                <Input name="location" maxLength={500} placeholder="Evidence safe 2, Leeds office" />
              </Field>
              <Field label="Held by" optional hint="The first custody entry; the location if empty.">
                <Input name="heldBy" maxLength={200} />
              </Field>
              <div className="flex justify-end sm:col-span-2">
                <Button type="submit">
                  <Upload className="size-4" aria-hidden /> Register
                </Button>
              </div>
            </form>
          </details>
        )}
      </CardContent>
    </Card>
  );
}
