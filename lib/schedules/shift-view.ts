import { rotationIndexAt, type FinalShift } from "@/lib/core/schedule";
import type { LoadedSchedule } from "./load-engine-schedule";
import type { ShiftOutput } from "./schemas";

/** An engine shift as the API and the calendar show it: names resolved, instants as ISO strings. */
export function toShiftOutput(s: FinalShift, loaded: Pick<LoadedSchedule, "people" | "layers" | "retiredLayers" | "engine">): ShiftOutput {
  // The version of the layer that was in force then (an edited rotation keeps its past versions).
  const layer = s.layerId ? loaded.engine.layers.find((l) => l.id === s.layerId && (l.activeFrom ?? -Infinity) <= s.start && s.start < (l.activeUntil ?? Infinity)) : undefined;
  return {
    userId: s.userId,
    userName: s.userId ? (loaded.people.get(s.userId)?.name ?? "Unknown") : null,
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    origin: s.origin,
    layerId: s.layerId,
    layerName: s.layerId ? layerNameOf(s.layerId, loaded) : null,
    overrideId: s.overrideId ?? null,
    // The rotation instance this piece belongs to: what swap requests anchor to.
    shiftIndex: layer ? rotationIndexAt(layer, layer.timeZone ?? loaded.engine.timeZone, s.start) : null,
    conflicts: [...s.conflicts],
  };
}

/** A layer's name; a deleted (retired) layer's past shifts say so. */
function layerNameOf(layerId: string, loaded: Pick<LoadedSchedule, "layers" | "retiredLayers">): string | null {
  const active = loaded.layers.find((l) => l.id === layerId);
  if (active) return active.name;
  const retired = loaded.retiredLayers.find((l) => l.id === layerId);
  return retired ? `${retired.name} (deleted)` : null;
}
