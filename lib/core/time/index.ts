export * from "./civil-date";
export * from "./local-time";
export * from "./zone-offsets";
export * from "./zoned-time";
export * from "./zone-abbreviation";
