import type { RotationLayer } from "./types";

/** Layers from the one that wins to the one that loses: higher `priority` (default: index) first; on a tie, the later layer. */
export function layersByPrecedence(layers: readonly RotationLayer[]): readonly RotationLayer[] {
  let ordered = cache.get(layers);
  if (!ordered) {
    ordered = order(layers);
    cache.set(layers, ordered);
  }
  return ordered;
}

// Schedules are immutable values: order each layer list once (onCallAt runs in tight loops).
const cache = new WeakMap<readonly RotationLayer[], readonly RotationLayer[]>();

function order(layers: readonly RotationLayer[]): RotationLayer[] {
  return layers
    .map((layer, index) => ({ layer, index, priority: layer.priority ?? index }))
    .sort((a, b) => b.priority - a.priority || b.index - a.index)
    .map((entry) => entry.layer);
}
