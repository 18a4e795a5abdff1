import { describe, expect, it } from "vitest";
import { layerInput, timeOffInput } from "./schemas";

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
});
