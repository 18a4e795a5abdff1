import type { z } from "zod";

export const ERROR_CODES = ["unauthorized", "forbidden", "not_found", "conflict", "invalid", "rate_limited", "unavailable"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldIssue = { path: string; message: string };

/** Expected failures: mapped to a 4xx/503 at each boundary, never logged as crashes. */
export class BatonError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "BatonError";
  }
}

export class UnauthorizedError extends BatonError {
  constructor(message = "Sign in or send a valid API token.") {
    super("unauthorized", message);
  }
}
export class ForbiddenError extends BatonError {
  constructor(message = "You do not have permission to do that.") {
    super("forbidden", message);
  }
}
export class NotFoundError extends BatonError {
  constructor(what = "That") {
    super("not_found", `${what} was not found.`);
  }
}
export class ConflictError extends BatonError {
  constructor(message: string) {
    super("conflict", message);
  }
}
export class InvalidError extends BatonError {
  constructor(message: string, issues?: FieldIssue[]) {
    super("invalid", message, issues);
  }
  static fromZod(error: z.ZodError, prefix: string[] = []): InvalidError {
    const issues = error.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join("."), message: i.message }));
    const first = issues[0];
    const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input.";
    return new InvalidError(message, issues);
  }
  static field(path: string, message: string): InvalidError {
    return new InvalidError(`${path}: ${message}`, [{ path, message }]);
  }
}
export class RateLimitedError extends BatonError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}
export class UnavailableError extends BatonError {
  constructor(message = "The service is temporarily unavailable. Try again shortly.") {
    super("unavailable", message);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  unavailable: 503,
};

/** Postgres unique violations from any driver become a ConflictError. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === "object" && "code" in cur && (cur as { code: unknown }).code === "23505") return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** Postgres foreign-key violations: 23503, or 23001 for an ON DELETE RESTRICT reference still in use. */
export function isForeignKeyViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const code = typeof cur === "object" && "code" in cur ? (cur as { code: unknown }).code : undefined;
    if (code === "23503" || code === "23001") return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
