export * from "./types";
export * from "./blameless";
export * from "./state-machine";
export * from "./facts";
export * from "./meeting";
export * from "./markdown";
