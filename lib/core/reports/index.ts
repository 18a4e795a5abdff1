export * from "./types";
export * from "./duration-stats";
export * from "./interruptions";
export * from "./iso-week";
export * from "./team-load";
