"use client";

import { useState } from "react";
import { CalendarClock, Layers, Pencil, Plus } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ScheduleOutput } from "@/lib/schedules/schemas";
import { type FillActions, FillPanel } from "./fill-panel";
import { describeHandoff, describeRestrictions, describeShiftLength, formatInstant, formatLocalDate } from "./format";
import { LayerForm } from "./layer-form";
import type { FormAction, Person } from "./shift-forms";
import { layerColour } from "./shift-style";

type Layer = ScheduleOutput["layers"][number];

/** The schedule's rotation layers; managers add, edit and delete them. */
export function LayersSection({
  scheduleId,
  timeZone,
  layers,
  people,
  canManage,
  defaultStartDate,
  saveLayer,
  deleteLayer,
  fillActions,
}: {
  scheduleId: string;
  timeZone: string;
  layers: Layer[];
  people: Person[];
  canManage: boolean;
  defaultStartDate: string;
  saveLayer: FormAction;
  deleteLayer: (form: FormData) => Promise<void>;
  /** The fair generator's preview and publish; managers only. */
  fillActions?: FillActions;
}) {
  const [editing, setEditing] = useState<Layer | "new" | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setFlash(message);
  };
  // Highest precedence first: that is the one that wins where layers overlap.
  const ordered = layers.map((l, i) => ({ layer: l, colour: layerColour(i) })).reverse();

  return (
    <Card>
      <CardHeader
        actions={
          canManage && (
            <Button
              type="button"
              size="sm"
              onClick={() => {
                setFlash(null);
                setEditing("new");
              }}
            >
              <Plus aria-hidden /> Add layer
            </Button>
          )
        }
      >
        <CardTitle>Rotation layers</CardTitle>
        <CardDescription>{layers.length > 1 ? "Higher layers win where they have someone; restrictions leave room for the layers below." : "Who takes turns, for how long, and when they hand over."}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {flash ? (
          <Alert variant="success" role="status">
            {flash}
          </Alert>
        ) : null}
        {layers.length === 0 ? (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong px-4 py-8 text-center">
            <Layers className="size-6 text-slate-400" aria-hidden />
            <p className="text-sm font-medium text-slate-800">No layers yet: nobody is on call.</p>
            <p className="max-w-sm text-sm text-slate-500">{canManage ? "Add a layer with the people who take turns, the shift length and the handoff time." : "A manager adds the rotation."}</p>
          </div>
        ) : (
          <ul className="space-y-3" aria-label="Layers">
            {ordered.map(({ layer, colour }) => (
              <li key={layer.id} className="rounded-lg border border-border p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                      <span aria-hidden className="inline-block size-3 rounded-sm" style={{ backgroundColor: colour }} />
                      {layer.name}
                    </h3>
                    <p className="mt-1 text-[0.8125rem] text-slate-600">
                      {describeShiftLength(layer)}, handoff {describeHandoff(layer)} · from {formatLocalDate(layer.startDate, { withYear: true })}
                    </p>
                    <p className="mt-0.5 text-[0.8125rem] text-slate-600">{describeRestrictions(layer.restrictions)}</p>
                    {layer.effectiveFrom ? (
                      <p className="mt-1.5 inline-flex items-center gap-1.5 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-amber-200">
                        <CalendarClock className="size-3.5" aria-hidden />
                        This version takes effect {formatInstant(layer.effectiveFrom, timeZone, { withZone: true })}; until then the previous rotation holds
                        {layer.participantsUntilThen?.length ? ` (${layer.participantsUntilThen.map((p) => p.name).join(", ")})` : ""}.
                      </p>
                    ) : null}
                  </div>
                  {canManage && (
                    <div className="flex flex-wrap items-center gap-2">
                      {fillActions && layer.shiftCount === 1 && (layer.shiftUnit === "weeks" || layer.shiftUnit === "days") && (
                        <FillPanel scheduleId={scheduleId} layerId={layer.id} layerName={layer.name} timeZone={timeZone} actions={fillActions} />
                      )}
                      <Button
                        type="button"
                        variant="outline"
                        size="sm"
                        aria-label={`Edit ${layer.name}`}
                        onClick={() => {
                          setFlash(null);
                          setEditing(layer);
                        }}
                      >
                        <Pencil aria-hidden /> Edit
                      </Button>
                      <ConfirmDialog
                        action={async (form) => {
                          setFlash(null); // "Layer saved." would outlive the layer
                          await deleteLayer(form);
                        }}
                        hidden={{ scheduleId, layerId: layer.id }}
                        title={`Delete the layer “${layer.name}”?`}
                        description="Nobody is on call through it from now on; the shifts already worked stay in the schedule's history. Open swap requests on it are flagged and can no longer be approved."
                        confirmLabel="Delete layer"
                        triggerLabel="Delete"
                        triggerAriaLabel={`Delete ${layer.name}`}
                        triggerSize="sm"
                      />
                    </div>
                  )}
                </div>
                <ol className="mt-3 flex flex-wrap gap-1.5" aria-label={`${layer.name} rotation order`}>
                  {layer.participants.map((p, i) => (
                    <li
                      key={`${p.userId}-${i}`}
                      className={cn("inline-flex items-center gap-1.5 rounded-full py-0.5 pr-2.5 pl-1 text-xs", p.disabled ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-slate-100 text-slate-700")}
                      title={p.disabled ? "Disabled account: their turns are coverage gaps until the rotation changes" : undefined}
                    >
                      <span className="grid size-5 place-items-center rounded-full bg-white text-[0.625rem] font-semibold text-slate-600 tabular-nums ring-1 ring-slate-200">{i + 1}</span>
                      {p.name}
                      {p.disabled ? <span className="font-semibold">· disabled</span> : null}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {canManage && (
        <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
          {editing !== null && (
            <DialogContent size="lg">
              <DialogHeader>
                <DialogTitle>{editing === "new" ? "Add a rotation layer" : `Edit ${editing.name}`}</DialogTitle>
                <DialogDescription>
                  {editing === "new" ? "People take turns in this order, one shift each." : "Changes hold from when you choose below; shifts before then stay with the current rotation. A published fair plan keeps its shifts except those of people you take out (fill again to re-plan them); a new shift length, handoff or start date clears it. Open swap requests whose shift this change moves are flagged."}
                </DialogDescription>
              </DialogHeader>
              <LayerForm
                scheduleId={scheduleId}
                timeZone={timeZone}
                layer={editing === "new" ? undefined : editing}
                people={people}
                defaultStartDate={defaultStartDate}
                action={saveLayer}
                onDone={done}
              />
            </DialogContent>
          )}
        </Dialog>
      )}
    </Card>
  );
}
