import type { FinalShift } from "@/lib/core/schedule";
import { toIsoInstant } from "@/lib/core/time";
import type { LoadedSchedule } from "./load-engine-schedule";
import type { ShiftOutput } from "./schemas";

/** An engine shift as the API and the calendar show it: names resolved, instants as ISO strings. */
export function toShiftOutput(s: FinalShift, loaded: Pick<LoadedSchedule, "people" | "layers">): ShiftOutput {
  return {
    userId: s.userId,
    userName: s.userId ? (loaded.people.get(s.userId)?.name ?? "Unknown") : null,
    start: toIsoInstant(s.start),
    end: toIsoInstant(s.end),
    origin: s.origin,
    layerId: s.layerId,
    layerName: s.layerId ? (loaded.layers.find((l) => l.id === s.layerId)?.name ?? null) : null,
    overrideId: s.overrideId ?? null,
    conflicts: [...s.conflicts],
  };
}
