import { describe, expect, it } from "vitest";
import { readReportQuery } from "@/app/(app)/reports/report-query";
import { reportFiltersSchema } from "./filters";
import { REPORT_KINDS } from "./types";

const now = new Date("2026-11-24T15:00:00Z");
const read = (sp: Record<string, string>) => readReportQuery(sp, { now, timeZone: "America/New_York", tabs: REPORT_KINDS });

describe("the reports page's query (readReportQuery)", () => {
  it.each([
    { name: "no query: the last 30 days up to today", sp: {} as Record<string, string>, from: "2026-10-26", to: "2026-11-24", input: ["2026-10-26T04:00:00Z", "2026-11-25T05:00:00Z"], notes: 0 },
    { name: "custom dates: both days included, in the viewer's zone", sp: { period: "custom", from: "2026-03-01", to: "2026-03-31" }, from: "2026-03-01", to: "2026-03-31", input: ["2026-03-01T05:00:00Z", "2026-04-01T04:00:00Z"], notes: 0 },
    { name: "end before start: the default, with a note", sp: { period: "custom", from: "2026-03-31", to: "2026-03-01" }, from: "2026-10-26", to: "2026-11-24", input: ["2026-10-26T04:00:00Z", "2026-11-25T05:00:00Z"], notes: 1 },
    { name: "a date in the year 2999 converts (the span check refuses it next: no 500)", sp: { period: "custom", from: "2026-01-01", to: "2999-01-01" }, from: "2026-01-01", to: "2999-01-01", input: ["2026-01-01T05:00:00Z", "2999-01-02T05:00:00Z"], notes: 0 },
  ])("$name", ({ sp, from, to, input, notes }) => {
    const q = read(sp);
    expect({ from: q.values.from, to: q.values.to, input: [q.input.from, q.input.to], notes: q.notes.length }).toEqual({ from, to, input, notes });
  });

  it.each([
    { to: "2999-01-01", expected: [["to", "Out of range: use a date between 1900 and 2199"]] },
    { to: "2099-01-01", expected: [["to", "The period is at most 366 days"]] },
  ])("a period ending $to is refused with the field and the reason", ({ to, expected }) => {
    const parsed = reportFiltersSchema.safeParse(read({ period: "custom", from: "2026-01-01", to }).input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(expected);
  });
});
