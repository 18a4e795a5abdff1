"use client";

import { useCallback, useMemo, useState } from "react";
import Link from "next/link";
import { Palmtree } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { formatRange } from "./format";
import { SchedulesLegend } from "./schedules-legend";
import { ShiftCalendar, type CalendarShift } from "./shift-calendar";
import { ORIGIN_LABELS, layerColour } from "./shift-style";

const NO_LAYERS: never[] = [];

/** One person's shifts across every schedule, coloured by schedule. */
export function MyShiftsCalendar({ shifts, timeZone, viewerId, nowIso }: { shifts: CalendarShift[]; timeZone: string; viewerId: string; nowIso: string }) {
  const [open, setOpen] = useState<CalendarShift | null>(null);
  const schedules = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of shifts) if (s.scheduleId && !seen.has(s.scheduleId)) seen.set(s.scheduleId, s.scheduleName ?? "Schedule");
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [shifts]);
  const colourFor = useCallback((s: CalendarShift) => layerColour(Math.max(0, schedules.findIndex((x) => x.id === s.scheduleId))), [schedules]);
  const titleFor = useCallback((s: CalendarShift) => s.scheduleName ?? "Shift", []);

  return (
    <div className="space-y-3">
      <ShiftCalendar label="My shifts calendar" timeZone={timeZone} layers={NO_LAYERS} shifts={shifts} viewerId={viewerId} colourFor={colourFor} titleFor={titleFor} onShiftClick={setOpen} initialView="month" />
      <SchedulesLegend schedules={schedules} timeZone={timeZone} nowIso={nowIso} />
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open && (
          <DialogContent size="sm">
            <DialogHeader>
              <DialogTitle>{open.scheduleName}</DialogTitle>
              <DialogDescription>{formatRange(open.start, open.end, timeZone, { withZone: true })}</DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap gap-1.5">
              <Badge>{ORIGIN_LABELS[open.origin]}</Badge>
              {open.layerName && <Badge variant="brand">{open.layerName}</Badge>}
            </div>
            {open.conflicts.includes("time_off") && (
              <Alert variant="warning" icon={Palmtree}>
                You are on time off during this shift: ask a colleague to cover it.
              </Alert>
            )}
            <DialogFooter>
              <Button asChild>
                <Link href={`/schedules/${open.scheduleId}`}>Open the schedule</Link>
              </Button>
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
    </div>
  );
}
