"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { Holiday } from "@/lib/http/common-schemas";
import { formatRange } from "./format";
import { SchedulesLegend } from "./schedules-legend";
import { ShiftCalendar, type CalendarShift } from "./shift-calendar";
import { ORIGIN_LABELS, layerColour } from "./shift-style";

const NO_LAYERS: never[] = [];

/** Every schedule of a team in one calendar, coloured by schedule, titled by who holds the shift. */
export function TeamCalendar({
  shifts,
  schedules,
  holidays,
  timeZone,
  viewerId,
  nowIso,
}: {
  shifts: CalendarShift[];
  schedules: { id: string; name: string }[];
  /** The team's holiday calendar, drawn behind the shifts. */
  holidays: Holiday[];
  timeZone: string;
  viewerId: string;
  nowIso: string;
}) {
  const [open, setOpen] = useState<CalendarShift | null>(null);
  const colourFor = useCallback((s: CalendarShift) => layerColour(Math.max(0, schedules.findIndex((x) => x.id === s.scheduleId))), [schedules]);
  const titleFor = useCallback((s: CalendarShift) => (s.userName ?? "Nobody") + (schedules.length > 1 && s.scheduleName ? ` · ${s.scheduleName}` : ""), [schedules]);

  return (
    <div className="space-y-3">
      <ShiftCalendar label="Team calendar" timeZone={timeZone} layers={NO_LAYERS} shifts={shifts} holidays={holidays} viewerId={viewerId} colourFor={colourFor} titleFor={titleFor} onShiftClick={setOpen} initialView="month" />
      <SchedulesLegend schedules={schedules} timeZone={timeZone} nowIso={nowIso} />
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open && (
          <DialogContent size="sm">
            <DialogHeader>
              <DialogTitle>{open.userName ?? "Nobody on call"}</DialogTitle>
              <DialogDescription>
                {open.scheduleName} · {formatRange(open.start, open.end, timeZone, { withZone: true })}
              </DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap gap-1.5">
              <Badge>{ORIGIN_LABELS[open.origin]}</Badge>
              {open.layerName && <Badge variant="brand">{open.layerName}</Badge>}
            </div>
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
