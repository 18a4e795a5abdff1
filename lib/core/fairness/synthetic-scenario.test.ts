import { describe, expect, it } from "vitest";
import { fairnessScenarioSchema } from "./scenario";
import { syntheticScenario } from "./synthetic-scenario";

describe("syntheticScenario", () => {
  it("is deterministic for a seed, differs across seeds, and has the benchmark's form", () => {
    const options = { seed: 7, members: 6, memberZones: ["America/New_York", "Asia/Kolkata"] };
    const a = syntheticScenario(options);
    expect(syntheticScenario(options)).toEqual(a);
    expect(syntheticScenario({ ...options, seed: 8 }).pages).not.toEqual(a.pages);
    expect(fairnessScenarioSchema.parse(a)).toEqual(a);
    expect(a.members.map((m) => m.timeZone)).toEqual(["America/New_York", "Asia/Kolkata", "America/New_York", "Asia/Kolkata", "America/New_York", "Asia/Kolkata"]);
    expect(a.pages.length).toBeGreaterThan(26 * 15);
    expect([...a.pages].sort((x, y) => (x.at < y.at ? -1 : 1))).toEqual(a.pages);
  });
});
