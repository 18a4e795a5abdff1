import { shortZoneName } from "./format";
import { layerColour } from "./shift-style";

/** Under a calendar coloured by schedule: each schedule's colour, and the zone the times are in. */
export function SchedulesLegend({ schedules, timeZone, nowIso }: { schedules: { id: string; name: string }[]; timeZone: string; nowIso: string }) {
  return (
    <div className="flex flex-col gap-2 text-xs text-slate-600 sm:flex-row sm:items-start sm:justify-between">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5" aria-label="Legend">
        {schedules.map((s, i) => (
          <li key={s.id} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-5 rounded-sm" style={{ backgroundColor: layerColour(i) }} />
            {s.name}
          </li>
        ))}
      </ul>
      <p className="shrink-0 text-slate-500">
        Times in {timeZone.replaceAll("_", " ")} ({shortZoneName(new Date(nowIso), timeZone)}).
      </p>
    </div>
  );
}
