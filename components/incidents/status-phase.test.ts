import { describe, expect, it } from "vitest";
import { currentPhase } from "./status-phase";

describe("the Status panel's current phase", () => {
  it("is the latest update's while the incident is open", () => {
    expect(currentPhase("identified", "acknowledged")).toEqual({ phase: "identified", fromUpdate: true });
    expect(currentPhase(undefined, "triggered")).toBeNull();
  });
  it("is resolved once the incident is, whatever the last update said", () => {
    expect(currentPhase("identified", "resolved")).toEqual({ phase: "resolved", fromUpdate: false });
    expect(currentPhase(null, "resolved")).toEqual({ phase: "resolved", fromUpdate: false });
    expect(currentPhase("resolved", "resolved")).toEqual({ phase: "resolved", fromUpdate: true });
  });
});
