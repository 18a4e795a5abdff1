"use client";

import { useActionState, useCallback, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ArrowLeftRight, CalendarPlus, Palmtree, Replace, TriangleAlert } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/action-state";
import type { Holiday } from "@/lib/http/common-schemas";
import type { ShiftOutput } from "@/lib/schedules/schemas";
import { formatRange, shortZoneName } from "./format";
import { ShiftCalendar, type CalendarShift } from "./shift-calendar";
import { OverrideForm, SwapRequestForm, type FormAction, type Loaded, type Person } from "./shift-forms";
import { GAP_COLOUR, ORIGIN_LABELS, OVERRIDE_COLOUR, SWAP_COLOUR, layerColour } from "./shift-style";

export type CalendarLayer = { id: string; name: string; participants: { userId: string; name: string }[] };

export type ScheduleCalendarProps = {
  scheduleId: string;
  /** The schedule's zone; the viewer may switch to their own. */
  timeZone: string;
  viewerTimeZone: string;
  viewer: { id: string; name: string; canManage: boolean; canRequest: boolean };
  layers: CalendarLayer[];
  /** Who may be put on call or asked to cover. */
  people: Person[];
  /** The client's and the team's holidays, drawn behind the shifts. */
  holidays: Holiday[];
  /** Changes when layers or time off change on the server: the calendar reloads. */
  refreshKey: string;
  /** The viewer's clock at render time, so "is this shift over?" agrees with the server. */
  nowIso: string;
  actions: {
    load: (range: { from: string; to: string }) => Promise<Loaded<ShiftOutput[]>>;
    shiftInstance: (layerId: string, index: number, holderId: string | null) => Promise<Loaded<{ start: string; end: string; userId: string } | null>>;
    upcomingShifts: (layerId: string, userId: string) => Promise<Loaded<{ index: number; start: string; end: string }[]>>;
    createOverride: FormAction;
    deleteOverride: FormAction;
    createSwapRequest: FormAction;
  };
};

const ZONE_CHOICE_KEY = "baton.schedule-calendar.zone";
function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

type DialogState =
  | { kind: "shift"; shift: CalendarShift; instance?: { start: string; end: string } | null; asking: boolean }
  | { kind: "override"; start: Date; end: Date }
  | null;

function LegendSwatch({ colour, striped, label }: { colour: string; striped?: boolean; label: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <span
        aria-hidden
        className="inline-block h-3 w-5 rounded-sm"
        style={{
          backgroundColor: colour,
          backgroundImage: striped ? "repeating-linear-gradient(135deg, rgb(255 255 255 / 0.3) 0 3px, transparent 3px 6px)" : undefined,
        }}
      />
      {label}
    </li>
  );
}

function DeleteOverrideForm({ scheduleId, overrideId, action, onDone }: { scheduleId: string; overrideId: string; action: FormAction; onDone: (m: string) => void }) {
  const [state, formAction] = useActionState(async (prev: Parameters<FormAction>[0], form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "success") onDone(next.message);
    return next;
  }, idleState);
  return (
    <ActionForm action={formAction} state={state} className="grid gap-2">
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <input type="hidden" name="overrideId" value={overrideId} />
      <FormMessage state={state.status === "error" ? { status: "error", message: state.message } : undefined} />
      <div>
        <SubmitButton variant="outline" className="text-red-700 hover:text-red-800" pendingLabel="Removing…">
          Remove override
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** The schedule page's calendar: shifts of the visible range, legend, and the dialogs that change them. */
export function ScheduleCalendar({ scheduleId, timeZone, viewerTimeZone, viewer, layers, people, holidays, refreshKey, nowIso, actions }: ScheduleCalendarProps) {
  const router = useRouter();
  // The viewer's choice of zone outlives a reload (kept in this browser; the schedule's zone on the server).
  const stored = useSyncExternalStore(subscribeStorage, () => window.localStorage.getItem(ZONE_CHOICE_KEY), () => null);
  const [chosen, setChosen] = useState<"schedule" | "mine" | null>(null);
  const zoneMode = chosen ?? (stored === "mine" ? "mine" : "schedule");
  const setZoneMode = (mode: "schedule" | "mine") => {
    setChosen(mode);
    window.localStorage.setItem(ZONE_CHOICE_KEY, mode);
  };
  const [dialog, setDialog] = useState<DialogState>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [localRefresh, setLocalRefresh] = useState(0);
  const zone = zoneMode === "schedule" ? timeZone : viewerTimeZone;
  const now = new Date(nowIso);
  const { load } = actions;

  const loadShifts = useCallback(
    async (range: { from: string; to: string }) => {
      const result = await load(range);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    [load],
  );

  const done = (message: string) => {
    setDialog(null);
    setFlash(message);
    setLocalRefresh((n) => n + 1);
    router.refresh();
  };

  const openShift = (shift: CalendarShift) => {
    setFlash(null);
    setDialog({ kind: "shift", shift, asking: shift.userId === viewer.id });
    if (shift.origin === "rotation" && shift.layerId && shift.shiftIndex !== null) {
      void actions.shiftInstance(shift.layerId, shift.shiftIndex, shift.userId).then((result) =>
        setDialog((d) => (d?.kind === "shift" && d.shift === shift ? { ...d, instance: result.ok ? result.data : null } : d)),
      );
    }
  };

  const shift = dialog?.kind === "shift" ? dialog.shift : null;
  const layer = shift?.layerId ? layers.find((l) => l.id === shift.layerId) : undefined;
  const mine = shift?.userId === viewer.id;
  const canAsk = Boolean(
    shift && shift.origin === "rotation" && shift.layerId && shift.shiftIndex !== null && viewer.canRequest && new Date(shift.end) > now && (mine || viewer.canManage),
  );
  const holder: Person | null = shift?.userId ? { id: shift.userId, name: shift.userName ?? "Unknown" } : null;
  const colleagues = holder ? people.filter((p) => p.id !== holder.id) : [];
  const layerColleagues = holder && layer ? layer.participants.filter((p) => p.userId !== holder.id).map((p) => ({ id: p.userId, name: p.name })) : [];

  return (
    <div className="space-y-3">
      {flash ? (
        <Alert variant="success" role="status">
          {flash}
        </Alert>
      ) : null}
      <ShiftCalendar
        label="Schedule calendar"
        timeZone={zone}
        layers={layers}
        load={loadShifts}
        holidays={holidays}
        viewerId={viewer.id}
        refreshKey={`${refreshKey}|${localRefresh}`}
        onShiftClick={openShift}
        onSelectRange={
          viewer.canManage
            ? ({ start, end }) => {
                setFlash(null);
                setDialog({ kind: "override", start, end });
              }
            : undefined
        }
        toolbarExtra={
          <>
            {viewer.canManage ? (
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
                  setFlash(null);
                  setDialog({ kind: "override", start, end: new Date(start.getTime() + 86_400_000) });
                }}
              >
                <CalendarPlus aria-hidden /> Add override
              </Button>
            ) : null}
            {timeZone !== viewerTimeZone ? (
            <label className="flex items-center gap-2 text-[0.8125rem] text-slate-600">
              <span className="whitespace-nowrap">Times in</span>
              <select
                value={zoneMode}
                onChange={(e) => setZoneMode(e.target.value as "schedule" | "mine")}
                className="h-9 rounded-md border border-border-strong bg-surface px-2 text-[0.8125rem] text-slate-800 shadow-xs"
              >
                <option value="schedule">{timeZone.replaceAll("_", " ")} (schedule)</option>
                <option value="mine">{viewerTimeZone.replaceAll("_", " ")} (yours)</option>
              </select>
            </label>
            ) : null}
          </>
        }
      />
      <div className="flex flex-col gap-2 text-xs text-slate-600 sm:flex-row sm:items-start sm:justify-between">
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5" aria-label="Legend">
          {layers.map((l, i) => (
            <LegendSwatch key={l.id} colour={layerColour(i)} label={l.name} />
          ))}
          <LegendSwatch colour={OVERRIDE_COLOUR} striped label="Override" />
          <LegendSwatch colour={SWAP_COLOUR} striped label="Swap or cover" />
          <LegendSwatch colour={GAP_COLOUR} striped label="Nobody on call" />
          {holidays.length > 0 ? (
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="baton-holiday inline-block h-3 w-5 rounded-sm ring-1 ring-amber-300 ring-inset" />
              Holiday
            </li>
          ) : null}
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-5 rounded-sm bg-slate-100 ring-2 ring-amber-400 ring-inset" />
            On time off
          </li>
        </ul>
        <p className="shrink-0 text-slate-500">
          Times in {zone.replaceAll("_", " ")} ({shortZoneName(now, zone)}).
          {viewer.canManage ? " Drag across days, or in the free strip at the right of each day in the week (or 3-day) view, to add an override." : " Click a shift of yours to ask for cover."}
        </p>
      </div>

      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        {dialog?.kind === "override" ? (
          <DialogContent size="md">
            <DialogHeader>
              <DialogTitle>Add an override</DialogTitle>
              <DialogDescription>Put someone on call for this time, over whoever the rotation says.</DialogDescription>
            </DialogHeader>
            <OverrideForm scheduleId={scheduleId} zone={zone} start={dialog.start} end={dialog.end} people={people} action={actions.createOverride} onDone={done} />
          </DialogContent>
        ) : null}
        {dialog?.kind === "shift" && shift ? (
          <DialogContent size={canAsk && dialog.asking ? "lg" : "md"}>
            <DialogHeader>
              <DialogTitle className="flex items-center gap-2">
                {holder ? <Avatar name={holder.name} size="sm" decorative /> : <TriangleAlert className="size-5 text-red-600" aria-hidden />}
                {holder ? (mine ? `${holder.name} (you)` : holder.name) : "Nobody on call"}
              </DialogTitle>
              <DialogDescription>
                {dialog.instance && (dialog.instance.start !== shift.start || dialog.instance.end !== shift.end) && shift.origin === "rotation"
                  ? `${formatRange(shift.start, shift.end, zone, { withZone: true })}, part of the rotation shift ${formatRange(dialog.instance.start, dialog.instance.end, zone)}`
                  : formatRange(shift.start, shift.end, zone, { withZone: true })}
              </DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap gap-1.5">
              <Badge variant={shift.origin === "gap" ? "danger" : shift.origin === "rotation" ? "neutral" : "info"}>
                {shift.origin === "override" ? <Replace aria-hidden /> : shift.origin === "swap" ? <ArrowLeftRight aria-hidden /> : null}
                {ORIGIN_LABELS[shift.origin]}
              </Badge>
              {shift.layerName ? <Badge variant="brand">{shift.layerName}</Badge> : null}
              {shift.conflicts.includes("time_off") ? (
                <Badge variant="warning">
                  <Palmtree aria-hidden /> On time off
                </Badge>
              ) : null}
            </div>
            {shift.conflicts.includes("time_off") ? (
              <Alert variant="warning">
                {holder?.name} is on time off during this shift. {viewer.canManage ? "Add an override or ask for cover on their behalf." : mine ? "Ask a colleague to cover it." : ""}
              </Alert>
            ) : null}
            {shift.origin === "gap" ? (
              <Alert variant="danger" title="Coverage gap">
                Nobody is on call here: pages for this schedule would reach no one. {viewer.canManage ? "Put someone on call, or add a layer that covers this time." : "Tell a manager."}
              </Alert>
            ) : null}
            {shift.origin === "swap" ? (
              <p className="text-sm text-slate-600">
                This comes from an approved swap or cover. To undo it, revert the request in{" "}
                <Link href="/schedules/requests" className="font-medium text-brand-700 underline underline-offset-2">
                  Requests
                </Link>
                .
              </p>
            ) : null}

            {canAsk && holder && shift.layerId && shift.shiftIndex !== null ? (
              dialog.asking ? (
                <section aria-label={mine ? "Ask for cover or a swap" : `Ask on ${holder.name}'s behalf`} className="border-t border-slate-100 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-900">{mine ? "Ask a colleague to cover or swap, or offer it to the team" : `Ask on ${holder.name}'s behalf`}</h3>
                  <SwapRequestForm
                    scheduleId={scheduleId}
                    layerId={shift.layerId}
                    shiftIndex={shift.shiftIndex}
                    holder={holder}
                    onBehalf={!mine}
                    instance={dialog.instance}
                    colleagues={colleagues}
                    layerColleagues={layerColleagues}
                    zone={zone}
                    action={actions.createSwapRequest}
                    loadUpcoming={actions.upcomingShifts}
                    onDone={done}
                    nowIso={nowIso}
                  />
                </section>
              ) : null
            ) : null}

            {viewer.canManage && (shift.origin === "override" || (canAsk && !dialog.asking) || shift.origin === "gap" || shift.origin === "rotation") ? (
              <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
                {canAsk && !dialog.asking ? (
                  <Button type="button" variant="outline" onClick={() => setDialog({ ...dialog, asking: true })}>
                    <ArrowLeftRight aria-hidden /> Ask for cover on {holder?.name.split(" ")[0]}&apos;s behalf…
                  </Button>
                ) : null}
                {shift.origin !== "swap" ? (
                  <Button type="button" variant={shift.origin === "gap" ? "primary" : "outline"} onClick={() => setDialog({ kind: "override", start: new Date(shift.start), end: new Date(shift.end) })}>
                    <CalendarPlus aria-hidden /> {shift.origin === "gap" ? "Put someone on call…" : "Override this time…"}
                  </Button>
                ) : null}
                {shift.origin === "override" && shift.overrideId ? <DeleteOverrideForm scheduleId={scheduleId} overrideId={shift.overrideId} action={actions.deleteOverride} onDone={done} /> : null}
              </div>
            ) : null}
            {!viewer.canManage && !mine && shift.origin !== "gap" ? <p className="text-sm text-slate-500">Only {holder?.name} or a manager can ask for cover on this shift.</p> : null}
            {mine && !canAsk && shift.origin === "rotation" && new Date(shift.end) <= now ? <p className="text-sm text-slate-500">This shift is over.</p> : null}
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
