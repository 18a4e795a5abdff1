import type { ShiftOutput } from "@/lib/schedules/schemas";

/** Layer colours: distinct hues dark enough for white text (WCAG AA on 12px bold). */
export const LAYER_COLOURS = ["#4f46e5", "#0e7490", "#047857", "#b45309", "#be185d", "#6d28d9", "#0369a1", "#4d7c0f"] as const;
export const OVERRIDE_COLOUR = "#334155";
export const SWAP_COLOUR = "#0f766e";
export const GAP_COLOUR = "#dc2626";
/** Past shifts of a layer since deleted (not in the legend's list). */
export const DELETED_LAYER_COLOUR = "#64748b";

export function layerColour(index: number): string {
  return LAYER_COLOURS[((index % LAYER_COLOURS.length) + LAYER_COLOURS.length) % LAYER_COLOURS.length]!;
}

export type LegendLayer = { id: string; name: string };

/** The colour of a piece of the final schedule. */
export function shiftColour(shift: Pick<ShiftOutput, "origin" | "layerId">, layers: readonly LegendLayer[]): string {
  if (shift.origin === "gap") return GAP_COLOUR;
  if (shift.origin === "override") return OVERRIDE_COLOUR;
  if (shift.origin === "swap") return SWAP_COLOUR;
  const index = layers.findIndex((l) => l.id === shift.layerId);
  return index < 0 ? DELETED_LAYER_COLOUR : layerColour(index);
}

export const ORIGIN_LABELS: Record<ShiftOutput["origin"], string> = {
  rotation: "Rotation",
  override: "Override",
  swap: "Swap or cover",
  gap: "Nobody on call",
};

/** The text of a shift on the calendar. */
export function shiftTitle(shift: Pick<ShiftOutput, "origin" | "userName">): string {
  if (shift.origin === "gap") return "Nobody on call";
  return shift.userName ?? "Unknown";
}
