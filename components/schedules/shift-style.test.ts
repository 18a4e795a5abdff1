import { describe, expect, it } from "vitest";
import { DELETED_LAYER_COLOUR, GAP_COLOUR, OVERRIDE_COLOUR, SWAP_COLOUR, layerColour, shiftColour } from "./shift-style";

const layers = [
  { id: "nights", name: "Nights" },
  { id: "days", name: "Days" },
];

describe("shiftColour: what a piece of the final schedule is painted", () => {
  it.each([
    { shift: { origin: "rotation", layerId: "nights" }, colour: layerColour(0) },
    { shift: { origin: "rotation", layerId: "days" }, colour: layerColour(1) },
    { shift: { origin: "rotation", layerId: "deleted-layer" }, colour: DELETED_LAYER_COLOUR },
    { shift: { origin: "override", layerId: null }, colour: OVERRIDE_COLOUR },
    { shift: { origin: "swap", layerId: null }, colour: SWAP_COLOUR },
    { shift: { origin: "gap", layerId: null }, colour: GAP_COLOUR },
  ] as const)("$shift.origin $shift.layerId → $colour", ({ shift, colour }) => {
    expect(shiftColour(shift, layers)).toBe(colour);
  });

  it("a deleted layer's past never takes a colour of a layer still in the legend", () => {
    expect(layers.map((_, i) => layerColour(i))).not.toContain(DELETED_LAYER_COLOUR);
  });
});
