import Link from "next/link";
import { Palmtree } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatRange, formatRelative } from "./format";

export type UpcomingShift = { scheduleId: string; scheduleName: string; layerName?: string | null; start: string; end: string; origin: string; conflicts: readonly string[] };

/** A person's next shifts across schedules, in `timeZone`: when, which schedule, swap/override and time-off marks. */
export function UpcomingShifts({ shifts, timeZone, now }: { shifts: readonly UpcomingShift[]; timeZone: string; now: Date }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Upcoming shifts">
      {shifts.map((s) => (
        <li key={`${s.scheduleId}-${s.start}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5">
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-900">{formatRange(s.start, s.end, timeZone)}</p>
            <p className="text-xs text-slate-500">
              <Link href={`/schedules/${s.scheduleId}`} className="font-medium text-brand-700 hover:underline">
                {s.scheduleName}
              </Link>
              {s.layerName ? ` · ${s.layerName}` : ""} · {new Date(s.start) <= now ? "now" : formatRelative(s.start, now)}
            </p>
          </div>
          <div className="flex gap-1.5">
            {s.origin !== "rotation" && <Badge variant="info">{s.origin === "swap" ? "Swap or cover" : "Override"}</Badge>}
            {s.conflicts.includes("time_off") && (
              <Badge variant="warning">
                <Palmtree aria-hidden /> Time off
              </Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
