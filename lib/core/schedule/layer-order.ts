import type { RotationLayer } from "./types";

/** Layers from the one that wins to the one that loses: higher `priority` (default: index) first; on a tie, the later layer. */
export function layersByPrecedence(layers: readonly RotationLayer[]): RotationLayer[] {
  return layers
    .map((layer, index) => ({ layer, index, priority: layer.priority ?? index }))
    .sort((a, b) => b.priority - a.priority || b.index - a.index)
    .map((entry) => entry.layer);
}
