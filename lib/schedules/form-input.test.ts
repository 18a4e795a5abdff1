import { describe, expect, it } from "vitest";
import { createSwapRequestInput } from "@/lib/swaps/schemas";
import { overrideFormInput, swapRequestFormInput } from "./form-input";
import { overrideInput } from "./schemas";

const ID = "00000000-0000-4000-8000-000000000001";
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => [i.path.join("."), i.message]));
// What the swap/cover form posts for a cover offer to the team, in New York time.
const swapForm = { scheduleId: ID, layerId: ID, shiftIndex: "3", zone: "America/New_York", kind: "cover", counterpartId: "", note: "" };

describe("the swap/cover form: “Only part of the shift”", () => {
  it("ticked with From and To cleared, asks for them instead of sending the whole shift", () => {
    const sent = swapRequestFormInput({ ...swapForm, part: "on", partStart: "", partEnd: "" });
    expect(issues(createSwapRequestInput.safeParse(sent))).toEqual([
      ["partStart", "Enter the start of the part"],
      ["partEnd", "Enter the end of the part"],
    ]);
  });

  it("ticked with only To cleared, asks for the end", () => {
    const sent = swapRequestFormInput({ ...swapForm, part: "on", partStart: "2026-12-01T09:00", partEnd: "" });
    expect(issues(createSwapRequestInput.safeParse(sent))).toEqual([["partEnd", "Enter the end of the part"]]);
  });

  it("ticked and filled in, sends the part as instants (wall times in the schedule's zone)", () => {
    const sent = swapRequestFormInput({ ...swapForm, part: "on", partStart: "2026-12-01T09:00", partEnd: "2026-12-01T17:00" });
    const parsed = createSwapRequestInput.parse(sent);
    expect([parsed.partStart?.toISOString(), parsed.partEnd?.toISOString()]).toEqual(["2026-12-01T14:00:00.000Z", "2026-12-01T22:00:00.000Z"]);
  });

  it("unticked, hands over the whole shift (no part)", () => {
    const parsed = createSwapRequestInput.parse(swapRequestFormInput(swapForm));
    expect([parsed.partStart, parsed.partEnd]).toEqual([undefined, undefined]);
  });

  it("a swap keeps the counterpart's shift; a cover drops it; a manager's on-behalf stays", () => {
    expect(swapRequestFormInput({ ...swapForm, kind: "swap", counterpartId: ID, counterpartShiftIndex: "7", onBehalfOf: ID })).toMatchObject({ kind: "swap", counterpartShiftIndex: "7", onBehalfOf: ID });
    expect(swapRequestFormInput({ ...swapForm, counterpartShiftIndex: "7", onBehalfOf: "" })).not.toHaveProperty("counterpartShiftIndex");
    expect(swapRequestFormInput({ ...swapForm, onBehalfOf: "" })).not.toHaveProperty("onBehalfOf");
  });
});

describe("the Add override form", () => {
  it("with Starts and Ends cleared, asks for them in words", () => {
    const sent = overrideFormInput({ scheduleId: ID, userId: ID, zone: "Europe/London", start: "", end: "", note: "" });
    expect(issues(overrideInput.safeParse(sent))).toEqual([
      ["start", "Enter when it starts"],
      ["end", "Enter when it ends"],
    ]);
  });

  it("reads the pickers' wall times in the schedule's zone", () => {
    const sent = overrideFormInput({ scheduleId: ID, userId: ID, zone: "Europe/London", start: "2026-07-01T09:00", end: "2026-07-01T17:00" });
    expect(sent).toMatchObject({ start: "2026-07-01T08:00:00.000Z", end: "2026-07-01T16:00:00.000Z", note: "" });
  });
});
