export * from "./types";
export { shiftsBetween } from "./final-shifts";
export { mergeHolderPieces, nextHolderChange } from "./holder-pieces";
export { onCallAt } from "./on-call-at";
export { assigneeOf, handoffAt, rotationIndexAt, rotationShiftByIndex, rotationShiftsBetween } from "./rotation-shifts";
export { isInsideRestrictions, restrictionIntervalsBetween } from "./restriction-windows";
export { layersByPrecedence } from "./layer-order";
export { checkShiftInstanceAnchor, exchangedShiftHolds, layerShiftByIndex, type AnchorCheck, type ShiftInstanceAnchor } from "./shift-instance-anchor";
export { restrictionWindowSchema, rotationLayerSchema, shiftLengthSchema, timeZoneSchema } from "./schedule-schema";
