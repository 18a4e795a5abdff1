export * from "./auth";
export * from "./teams";
export * from "./clients";
export * from "./audit";
export * from "./tokens";
export * from "./mail";
export * from "./ratelimit";
export * from "./schedules";
