import { describe, expect, it } from "vitest";
import { uniformBusinessHours } from "../business-hours";
import { decidePaging, type PagingContext } from "./paging-decision";

const hours = uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "09:00", end: "17:00" });
const base = (over: Partial<PagingContext>): PagingContext => ({ priority: "medium", at: new Date("2026-03-06T23:00:00Z"), businessHours: hours, holidays: ["2026-11-26"], timeZone: "America/New_York", lowPriority: "page", inMaintenance: false, ...over });

describe("decidePaging", () => {
  it.each([
    { name: "high pages at once, even at night", over: { priority: "high" }, expected: { kind: "page", reason: "high" } },
    { name: "medium on Fri 18:00 before spring forward waits until Mon 09:00 EDT", over: {}, expected: { kind: "defer", until: new Date("2026-03-09T13:00:00Z") } },
    { name: "medium on Fri 18:00 before fall back waits until Mon 09:00 EST", over: { at: new Date("2026-10-30T22:00:00Z") }, expected: { kind: "defer", until: new Date("2026-11-02T14:00:00Z") } },
    { name: "low the evening before Thanksgiving waits until Friday", over: { priority: "low", at: new Date("2026-11-25T23:00:00Z") }, expected: { kind: "defer", until: new Date("2026-11-27T14:00:00Z") } },
    { name: "medium inside business hours pages", over: { at: new Date("2026-03-09T15:00:00Z") }, expected: { kind: "page", reason: "business_hours" } },
    { name: "low with record-only is recorded", over: { priority: "low", lowPriority: "record" }, expected: { kind: "record", reason: "low_record_only" } },
    { name: "maintenance records even high", over: { priority: "high", inMaintenance: true }, expected: { kind: "record", reason: "maintenance" } },
    { name: "no business hours at all pages", over: { businessHours: uniformBusinessHours([], { start: "09:00", end: "17:00" }) }, expected: { kind: "page", reason: "no_business_hours" } },
  ] as const)("$name", ({ over, expected }) => {
    expect(decidePaging(base(over as Partial<PagingContext>))).toEqual(expected);
  });
});
