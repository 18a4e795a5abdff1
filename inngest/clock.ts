/**
 * The instant a durable step acts at. Inngest functions are an edge, like route handlers: they read
 * the wall clock here and pass `now` down to the clock-free verbs. Tests pin it (and move it where a
 * mocked sleep would have woken up).
 */
let current: () => Date = () => new Date();

export function now(): Date {
  return current();
}

/** Tests only: replace the clock; no argument restores the wall clock. */
export function setClock(clock?: () => Date): void {
  current = clock ?? (() => new Date());
}
