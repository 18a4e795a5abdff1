import { describe, expect, it } from "vitest";
import { createSwapRequestInput } from "@/lib/swaps/schemas";
import { createScheduleInput, fairnessPeriodInput, layerInput, overrideInput, overrideInputAt, timeOffInput, timeOffInputOn } from "./schemas";

const ID = "00000000-0000-4000-8000-000000000001";
const layer = { scheduleId: ID, name: "Primary", participantIds: [ID], shiftUnit: "weeks", shiftCount: "1", handoffTime: "09:00", handoffWeekday: "1", startDate: "2026-01-05" };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => [i.path.join("."), i.message]));

describe("schedule inputs say what is wrong in words", () => {
  it.each([
    { shiftCount: "1.5", expected: [["shiftCount", "A whole number"]] },
    { shiftCount: "abc", expected: [["shiftCount", "Enter a number"]] },
    { shiftCount: "0", expected: [["shiftCount", "At least 1"]] },
    { shiftCount: "2", expected: [] },
  ])("layer shift length $shiftCount", ({ shiftCount, expected }) => {
    expect(issues(layerInput.safeParse({ ...layer, shiftCount }))).toEqual(expected);
  });

  it.each([
    { fromDate: "2026-12-20", toDate: "2026-12-10", expected: [["toDate", "Ends before it starts"]] },
    { fromDate: "2026-12-20", toDate: "2036-12-10", expected: [["toDate", "At most a year at once (add another period for longer leave)"]] },
    { fromDate: "2027-12-20", toDate: "2028-12-19", expected: [] }, // a whole year, across a leap day
    { fromDate: "2026-12-20", toDate: "2026-12-20", expected: [] },
  ])("time off $fromDate → $toDate", ({ fromDate, toDate, expected }) => {
    expect(issues(timeOffInput.safeParse({ fromDate, toDate }))).toEqual(expected);
  });

  // A cleared picker is asked for, not answered with the format it is typed in ("Use an ISO 8601 instant…" under a date-time picker).
  it.each([
    { name: "override, starts and ends cleared", schema: overrideInput, input: { scheduleId: ID, userId: ID, start: "", end: "" }, expected: [["start", "Enter when it starts"], ["end", "Enter when it ends"]] },
    { name: "override, no start or end at all", schema: overrideInput, input: { scheduleId: ID, userId: ID }, expected: [["start", "Enter when it starts"], ["end", "Enter when it ends"]] },
    { name: "time off, days cleared", schema: timeOffInput, input: { fromDate: "", toDate: "" }, expected: [["fromDate", "Enter the first day off"], ["toDate", "Enter the last day off"]] },
    { name: "layer, start date and handoff time cleared", schema: layerInput, input: { ...layer, startDate: "", handoffTime: "" }, expected: [["handoffTime", "Enter the handoff time"], ["startDate", "Enter the start date"]] },
    { name: "a time window with no day ticked", schema: layerInput, input: { ...layer, restrictions: [{ weekdays: [], start: "08:00", end: "18:00" }] }, expected: [["restrictions.0.weekdays", "Pick at least one day"]] },
    { name: "a time window's times cleared", schema: layerInput, input: { ...layer, restrictions: [{ weekdays: [1], start: "", end: "" }] }, expected: [["restrictions.0.start", "Enter when the window starts"], ["restrictions.0.end", "Enter when the window ends"]] },
    { name: "a note over 500 characters", schema: overrideInput, input: { scheduleId: ID, userId: ID, start: "2026-12-01T00:00:00Z", end: "2026-12-02T00:00:00Z", note: "x".repeat(501) }, expected: [["note", "At most 500 characters"]] },
    { name: "a description over 500 characters", schema: createScheduleInput, input: { name: "S", timeZone: "UTC", description: "x".repeat(501) }, expected: [["description", "At most 500 characters"]] },
  ])("$name", ({ schema, input, expected }) => {
    expect(issues(schema.safeParse(input))).toEqual(expected);
  });

  it("what a schedule form can send (a field blank, a picker cleared, a list empty, text too long) is answered in words, not validator wording or a format", () => {
    const raw = /^(Too (small|big)|Invalid (input|option))|ISO 8601|YYYY-MM-DD|HH:MM/;
    const blank = ["", " "];
    const picker = [...blank, undefined]; // cleared, or not shown
    const text = [...blank, "x".repeat(1001)];
    const list = [[]];
    type Schema = { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
    const found: string[] = [];
    const sweep = (what: string, schema: Schema, valid: Record<string, unknown>, sent: Record<string, unknown[]>, wrap = (input: Record<string, unknown>) => input) => {
      for (const [field, values] of Object.entries(sent))
        for (const value of values)
          for (const [path, message] of issues(schema.safeParse(wrap({ ...valid, [field]: value })))) if (raw.test(message!)) found.push(`${what}: ${path} = ${JSON.stringify(value)?.slice(0, 12)} → ${message}`);
    };
    const window = { weekdays: [1], start: "08:00", end: "18:00" };
    sweep("layer", layerInput, layer, { name: text, participantIds: list, shiftUnit: blank, shiftCount: blank, handoffTime: picker, handoffWeekday: blank, startDate: picker });
    sweep("layer window", layerInput, window, { weekdays: list, start: picker, end: picker }, (w) => ({ ...layer, restrictions: [w] }));
    sweep("override", overrideInput, { scheduleId: ID, userId: ID, start: "2026-12-01T00:00:00Z", end: "2026-12-02T00:00:00Z" }, { userId: blank, start: picker, end: picker, note: text });
    sweep("time off", timeOffInput, { fromDate: "2026-12-01", toDate: "2026-12-02" }, { fromDate: picker, toDate: picker, note: text });
    sweep("schedule", createScheduleInput, { name: "S", timeZone: "UTC" }, { name: text, timeZone: blank, description: text });
    sweep("fairness period", fairnessPeriodInput("2026-11-24"), { from: "2026-10-01", to: "2026-11-01" }, { from: picker, to: picker });
    sweep("swap part", createSwapRequestInput, { scheduleId: ID, layerId: ID, shiftIndex: 3, kind: "cover", partStart: "2026-12-01T00:00:00Z", partEnd: "2026-12-02T00:00:00Z" }, { partStart: blank, partEnd: blank, note: text });
    expect(found).toEqual([]);
  });
});

describe("a restriction window ends at another time than it starts", () => {
  const window = (start: string, end: string) => layerInput.safeParse({ ...layer, restrictions: [{ weekdays: [1, 2, 3, 4, 5], start, end }] });
  it.each([
    { start: "09:00", end: "09:00", expected: [["restrictions.0.end", "The window must end at a different time than it starts"]] },
    { start: "00:00", end: "00:00", expected: [["restrictions.0.end", "The window must end at a different time than it starts"]] },
    { start: "00:00", end: "24:00", expected: [] }, // the whole day, said so
    { start: "22:00", end: "06:00", expected: [] }, // past midnight
    { start: "08:00", end: "18:00", expected: [] },
  ])("$start–$end", ({ start, end, expected }) => {
    expect(issues(window(start, end))).toEqual(expected);
  });
});

describe("an override is planned from now to a year ahead, as layer edits are", () => {
  const now = new Date("2026-11-24T10:30:00Z");
  const override = (start: string, end: string) => issues(overrideInputAt(now).safeParse({ scheduleId: ID, userId: ID, start, end }));
  it.each([
    { name: "in 1950", start: "1950-01-01T00:00:00Z", end: "1950-01-02T00:00:00Z", expected: [["end", "An override can't end in the past"]] },
    { name: "in 2190", start: "2190-01-01T00:00:00Z", end: "2190-01-02T00:00:00Z", expected: [["start", "At most a year ahead"]] },
    { name: "ended an hour ago", start: "2026-11-24T08:00:00Z", end: "2026-11-24T09:30:00Z", expected: [["end", "An override can't end in the past"]] },
    { name: "from now (begun a moment ago), for a day", start: "2026-11-24T10:29:00Z", end: "2026-11-25T10:29:00Z", expected: [] },
    { name: "begun yesterday, ending tomorrow", start: "2026-11-23T09:00:00Z", end: "2026-11-25T09:00:00Z", expected: [] },
    { name: "in eleven months", start: "2027-10-24T09:00:00Z", end: "2027-10-25T09:00:00Z", expected: [] },
    { name: "in thirteen months", start: "2027-12-24T09:00:00Z", end: "2027-12-25T09:00:00Z", expected: [["start", "At most a year ahead"]] },
    { name: "starting in eleven months, ending in thirteen", start: "2027-11-01T09:00:00Z", end: "2027-12-30T09:00:00Z", expected: [["end", "Must end within a year from now"]] },
  ])("$name", ({ start, end, expected }) => {
    expect(override(start, end)).toEqual(expected);
  });
});

describe("time off runs from the person's today to two years ahead", () => {
  const today = "2026-11-24";
  const off = (fromDate: string, toDate: string) => issues(timeOffInputOn(today).safeParse({ fromDate, toDate }));
  it.each([
    { name: "in 1901", fromDate: "1901-01-01", toDate: "1901-01-05", expected: [["toDate", "Time off can't end before today"]] },
    { name: "ended yesterday", fromDate: "2026-11-20", toDate: "2026-11-23", expected: [["toDate", "Time off can't end before today"]] },
    { name: "ending today", fromDate: "2026-11-20", toDate: "2026-11-24", expected: [] },
    { name: "today only", fromDate: today, toDate: today, expected: [] },
    { name: "in 2199", fromDate: "2199-01-01", toDate: "2199-01-05", expected: [["fromDate", "At most two years ahead"]] },
    { name: "in two years", fromDate: "2028-11-24", toDate: "2028-11-30", expected: [] },
    { name: "in three years", fromDate: "2029-11-24", toDate: "2029-11-30", expected: [["fromDate", "At most two years ahead"]] },
  ])("$name", ({ fromDate, toDate, expected }) => {
    expect(off(fromDate, toDate)).toEqual(expected);
  });
});

describe("the fairness report's period", () => {
  const period = (from: unknown, to: unknown) => issues(fairnessPeriodInput("2026-11-24").safeParse({ from, to }));
  it.each([
    { from: "2026-08-26", to: "2026-11-24", expected: [] },
    { from: "", to: "", expected: [["from", "Enter the first day"], ["to", "Enter the last day"]] },
    { from: undefined, to: "2026-11-24", expected: [["from", "Enter the first day"]] },
    { from: "2026-05-01", to: "2026-01-01", expected: [["to", "The end must not be before the start"]] },
    { from: "2026-12-01", to: "2026-12-31", expected: [["from", "The period can't start in the future"]] },
    { from: "2024-01-01", to: "2026-01-01", expected: [["to", "At most 400 days"]] },
    { from: "2026-02-30", to: "2026-03-01", expected: [["from", "Use YYYY-MM-DD"]] },
  ])("$from → $to", ({ from, to, expected }) => {
    expect(period(from, to)).toEqual(expected);
  });
});
