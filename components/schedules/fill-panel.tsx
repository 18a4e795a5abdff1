"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ArrowRight, WandSparkles } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { FillPreview } from "@/lib/schedules/preview-fill";
import { formatRange } from "./format";

type FillResult<T> = { ok: true; data: T } | { ok: false; message: string; code?: string };

export type FillActions = {
  preview: (scheduleId: string, layerId: string, weeks: number) => Promise<FillResult<FillPreview>>;
  publish: (input: { scheduleId: string; layerId: string; weeks: number; layerVersion: number; assignments: { index: number; userId: string }[] }) => Promise<FillResult<{ published: number; changedPeople: number }>>;
};

const WEEK_CHOICES = [
  { value: 4, label: "4 weeks" },
  { value: 8, label: "8 weeks" },
  { value: 13, label: "13 weeks (a quarter)" },
  { value: 26, label: "26 weeks" },
];

const num = (n: number) => (Math.round(n * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 });

/** "Fill next weeks…": previews the fair generator's plan for a layer against the plain rotation, then publishes it. */
export function FillPanel({ scheduleId, layerId, layerName, timeZone, actions }: { scheduleId: string; layerId: string; layerName: string; timeZone: string; actions: FillActions }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [weeks, setWeeks] = useState(13);
  const [preview, setPreview] = useState<FillPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = () => {
    setPreview(null);
    setError(null);
    setSuccess(null);
  };

  const runPreview = () =>
    startTransition(async () => {
      setError(null);
      setSuccess(null);
      const result = await actions.preview(scheduleId, layerId, weeks);
      if (result.ok) setPreview(result.data);
      else {
        setPreview(null);
        setError(result.message);
      }
    });

  const runPublish = () => {
    if (!preview) return;
    startTransition(async () => {
      setError(null);
      const result = await actions.publish({
        scheduleId,
        layerId,
        weeks: preview.weeks,
        layerVersion: preview.layerVersion,
        assignments: preview.slots.map((s) => ({ index: s.index, userId: s.proposed.userId })),
      });
      if (result.ok) {
        const n = result.data.changedPeople;
        setSuccess(`Published; ${n} ${n === 1 ? "person was" : "people were"} told.`);
        setPreview(null);
        router.refresh();
      } else {
        setError(result.code === "conflict" ? `The rotation changed since this preview. ${result.message}` : result.message);
      }
    });
  };

  const changedCount = preview?.slots.filter((s) => s.changed).length ?? 0;
  // A plan published earlier: show who holds each shift now, and what publishing moves.
  const hasPublishedPlan = preview?.slots.some((s) => s.scheduled.userId !== s.plain.userId) ?? false;
  const movedCount = preview?.slots.filter((s) => s.moves).length ?? 0;

  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-label={`Fill next weeks of ${layerName}`}
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        <WandSparkles aria-hidden /> Fill next weeks…
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        {open && (
          <DialogContent size="lg" className="grid-cols-[minmax(0,1fr)] sm:max-w-3xl">
            <DialogHeader>
              <DialogTitle>Fill the next weeks of {layerName}</DialogTitle>
              <DialogDescription>Baton spreads the shifts so that burden (nights, weekends, holidays, cover already given) evens out. Compare with the plain rotation before publishing.</DialogDescription>
            </DialogHeader>

            <div className="min-w-0 space-y-4">
              <div className="flex flex-wrap items-end gap-3">
                <div className="w-full sm:w-56">
                  <Label htmlFor={`fill-weeks-${layerId}`}>Weeks to fill</Label>
                  <Select
                    id={`fill-weeks-${layerId}`}
                    value={String(weeks)}
                    onChange={(e) => {
                      setWeeks(Number(e.target.value));
                      setPreview(null);
                      setSuccess(null);
                    }}
                    wrapperClassName="mt-1.5"
                  >
                    {WEEK_CHOICES.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </Select>
                </div>
                <Button type="button" variant={preview ? "outline" : "primary"} onClick={runPreview} disabled={pending}>
                  {pending && !preview ? "Working…" : preview ? "Preview again" : "Preview"}
                </Button>
              </div>

              {error ? (
                <Alert variant="danger" title="Could not fill">
                  {error}
                </Alert>
              ) : null}
              {success ? (
                <Alert variant="success" role="status">
                  {success}
                </Alert>
              ) : null}

              {preview ? (
                <>
                  <section aria-label="Fairness before and after" className="grid gap-3 sm:grid-cols-2">
                    <Metric label="Gap, in shifts (most vs least burdened)" before={preview.before.gap} after={preview.after.gap} lowerIsBetter />
                    <Metric label="Balance (1 is perfectly even)" before={preview.before.balance} after={preview.after.balance} lowerIsBetter={false} />
                  </section>
                  <p className="text-xs text-slate-500">
                    Before: plain rotation. After: Baton&apos;s plan. {changedCount === 0 ? "Baton keeps every shift as the rotation has it." : `${changedCount} of ${preview.slots.length} shifts change hands.`}
                    {hasPublishedPlan ? ` A plan published earlier holds some of these weeks: publishing ${movedCount === 0 ? "keeps every shift as it is scheduled now" : `gives ${movedCount} of ${preview.slots.length} shifts to someone other than who holds them now`}.` : null}
                  </p>

                  <div>
                    <h3 className="mb-2 text-sm font-semibold text-slate-900">Shifts</h3>
                    <Table label="Proposed shifts" className="min-w-[36rem]">
                      <THead>
                        <TR>
                          <TH>When ({timeZone.replaceAll("_", " ")})</TH>
                          <TH>Plain rotation</TH>
                          {hasPublishedPlan ? <TH>Scheduled now</TH> : null}
                          <TH>Baton</TH>
                        </TR>
                      </THead>
                      <TBody>
                        {preview.slots.map((s) => (
                          <TR key={s.index} data-changed={s.changed || undefined} className={s.changed ? "bg-amber-50/70" : undefined}>
                            <TD className="text-[0.8125rem] whitespace-nowrap text-slate-700">{formatRange(s.start, s.end, timeZone)}</TD>
                            <TD className={s.changed ? "whitespace-nowrap text-slate-500 line-through" : "whitespace-nowrap"}>{s.plain.name}</TD>
                            {hasPublishedPlan ? <TD className={s.moves ? "whitespace-nowrap text-slate-500 line-through" : "whitespace-nowrap"}>{s.scheduled.name}</TD> : null}
                            <TD className="font-medium whitespace-nowrap">
                              <span className="inline-flex items-center gap-2">
                                {s.proposed.name}
                                {s.changed ? <Badge variant="warning">Changed</Badge> : null}
                                {hasPublishedPlan && s.moves ? <Badge variant="info">Moves</Badge> : null}
                                {s.locked ? <Badge variant="info">Covered: kept</Badge> : null}
                              </span>
                            </TD>
                          </TR>
                        ))}
                      </TBody>
                    </Table>
                  </div>

                  <div>
                    <h3 className="mb-2 text-sm font-semibold text-slate-900">People</h3>
                    <Table label="People before and after" className="min-w-[34rem]">
                      <THead>
                        <TR>
                          <TH>Person</TH>
                          <TH className="text-right">Shifts</TH>
                          <TH className="text-right">Burden</TH>
                          <TH className="text-right">Carried burden</TH>
                        </TR>
                      </THead>
                      <TBody>
                        {preview.people.map((p) => (
                          <TR key={p.userId}>
                            <TD className="font-medium whitespace-nowrap">{p.name}</TD>
                            <TD className="text-right whitespace-nowrap tabular-nums">
                              <BeforeAfter before={p.shiftsBefore} after={p.shiftsAfter} />
                            </TD>
                            <TD className="text-right whitespace-nowrap tabular-nums">
                              <BeforeAfter before={p.burdenBefore} after={p.burdenAfter} />
                            </TD>
                            <TD className="text-right tabular-nums">{num(p.carriedBurden)}</TD>
                          </TR>
                        ))}
                      </TBody>
                    </Table>
                  </div>
                </>
              ) : null}
            </div>

            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {success ? "Close" : "Cancel"}
              </Button>
              {preview ? (
                <Button type="button" onClick={runPublish} disabled={pending}>
                  {pending ? "Publishing…" : `Publish ${preview.weeks} weeks`}
                </Button>
              ) : null}
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
    </>
  );
}

function BeforeAfter({ before, after }: { before: number; after: number }) {
  const same = num(before) === num(after);
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={same ? "text-slate-700" : "text-slate-500"}>{num(before)}</span>
      <ArrowRight aria-label="to" className="size-3 text-slate-400" />
      <span className={same ? "text-slate-700" : "font-semibold text-slate-900"}>{num(after)}</span>
    </span>
  );
}

function Metric({ label, before, after, lowerIsBetter }: { label: string; before: number; after: number; lowerIsBetter: boolean }) {
  // Compared as shown: a change too small to see is no change.
  const [b, a] = [Math.round(before * 10), Math.round(after * 10)];
  const better = lowerIsBetter ? a < b : a > b;
  const worse = lowerIsBetter ? a > b : a < b;
  return (
    <div className="rounded-lg border border-border px-4 py-3">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className="mt-1 flex items-center gap-2 text-lg font-semibold text-slate-900 tabular-nums">
        <span className="text-slate-500">{num(before)}</span>
        <ArrowRight aria-label="to" className="size-4 text-slate-400" />
        <span className={better ? "text-emerald-700" : worse ? "text-red-700" : undefined}>{num(after)}</span>
      </p>
      <p className="text-xs text-slate-500">plain rotation → Baton</p>
    </div>
  );
}
