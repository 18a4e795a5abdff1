import { describe, expect, it } from "vitest";
import { businessHoursSchema, describeBusinessHours, uniformBusinessHours } from "./index";

describe("businessHoursSchema", () => {
  it.each([
    { name: "one window a day", input: { mon: [{ start: "08:00", end: "18:00" }] }, ok: true },
    { name: "two windows a day", input: { tue: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] }, ok: true },
    { name: "until midnight", input: { sat: [{ start: "07:00", end: "24:00" }] }, ok: true },
    { name: "end before start", input: { mon: [{ start: "18:00", end: "08:00" }] }, ok: false },
    { name: "overlapping windows", input: { mon: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "13:00" }] }, ok: false },
    { name: "not HH:MM", input: { mon: [{ start: "8am", end: "18:00" }] }, ok: false },
    { name: "25:00", input: { mon: [{ start: "08:00", end: "25:00" }] }, ok: false },
  ])("$name", ({ input, ok }) => {
    expect(businessHoursSchema.safeParse(input).success).toBe(ok);
  });

  it("sorts windows within a day", () => {
    const parsed = businessHoursSchema.parse({ tue: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] });
    expect(parsed.tue.map((w) => w.start)).toEqual(["08:00", "13:00"]);
    expect(parsed.sun).toEqual([]);
  });
});

describe("describeBusinessHours", () => {
  it.each([
    { name: "Mon–Fri", days: ["mon", "tue", "wed", "thu", "fri"] as const, expected: "Mon–Fri 08:00–18:00" },
    { name: "Mon–Sat", days: ["mon", "tue", "wed", "thu", "fri", "sat"] as const, expected: "Mon–Sat 08:00–18:00" },
    { name: "single day", days: ["wed"] as const, expected: "Wed 08:00–18:00" },
    { name: "none", days: [] as const, expected: "No business hours" },
  ])("$name", ({ days, expected }) => {
    expect(describeBusinessHours(uniformBusinessHours(days, { start: "08:00", end: "18:00" }))).toBe(expected);
  });
});
