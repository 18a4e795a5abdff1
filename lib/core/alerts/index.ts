export * from "./priority-rules";
export * from "./paging-decision";
export * from "./email-rules";
