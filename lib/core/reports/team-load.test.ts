import { describe, expect, it } from "vitest";
import { farAboveTeamMean, teamLoadMeans, type TeamLoadFigures } from ".";

const rows = (team: string, burdens: number[], interruptions: number[] = burdens.map(() => 0)): TeamLoadFigures[] =>
  burdens.map((burden, i) => ({ teamId: team, burden, interruptions: interruptions[i]! }));

// The QA report: 8 people in two teams; everyone's mean burden 65.5 and 0.5 interruptions, Security Operations' 59.6.
const SEC_OPS = rows("secops", [100, 45, 40, 53.4], [2, 0, 0, 0]);
const SERVICE_DESK = rows("desk", [80, 70, 65, 70.6], [1, 0, 1, 0]);

describe("teamLoadMeans: each team's mean over its own rows", () => {
  it.each([
    { name: "nothing", input: [], expected: [] },
    {
      name: "two teams: each its own mean, not everyone's (65.5 burden, 0.5 interruptions)",
      input: [...SEC_OPS, ...SERVICE_DESK],
      expected: [
        { teamId: "secops", people: 4, burden: 59.6, interruptions: 0.5 },
        { teamId: "desk", people: 4, burden: 71.4, interruptions: 0.5 },
      ],
    },
    {
      name: "teams in the order they first appear, rows interleaved",
      input: [...rows("b", [1]), ...rows("a", [4]), ...rows("b", [3])],
      expected: [
        { teamId: "b", people: 2, burden: 2, interruptions: 0 },
        { teamId: "a", people: 1, burden: 4, interruptions: 0 },
      ],
    },
  ])("$name", ({ input, expected }) => {
    const got = teamLoadMeans(input);
    expect(got.map((t) => ({ ...t, burden: Math.round(t.burden * 10) / 10 }))).toEqual(expected);
  });
});

describe("farAboveTeamMean: one standard deviation and 25 % above the person's own team's mean", () => {
  it.each([
    { name: "nothing", input: [], expected: [] },
    { name: "Grace (100) against Security Operations (mean 59.6, sd 23.8); the desk's 80 is within its team", input: [...SEC_OPS, ...SERVICE_DESK], expected: [true, false, false, false, false, false, false, false] },
    {
      name: "far above a quiet team's mean though below everyone's: flagged (compared with all, it would not be)",
      input: [...rows("busy", [100, 100, 100, 100]), ...rows("quiet", [10, 10, 10, 40])],
      expected: [false, false, false, false, false, false, false, true],
    },
    {
      name: "a person in two teams is judged in each: heavy in one, light in the other",
      input: [...rows("a", [90, 20, 20, 20]), ...rows("b", [0, 30, 30, 30])],
      expected: [true, false, false, false, false, false, false, false],
    },
    { name: "interruptions alone are enough", input: rows("a", [10, 10, 10, 10], [6, 1, 1, 0]), expected: [true, false, false, false] },
    { name: "a one-person team: never (it is its own mean)", input: rows("solo", [500], [9]), expected: [false] },
    { name: "everyone zero: nobody", input: rows("a", [0, 0, 0], [0, 0, 0]), expected: [false, false, false] },
    { name: "above mean + sd but not 25 % above the mean: not flagged", input: rows("a", [100, 100, 100, 110]), expected: [false, false, false, false] },
  ])("$name", ({ input, expected }) => {
    expect(farAboveTeamMean(input)).toEqual(expected);
  });

  it("does not depend on which other teams are in the report (a team filter changes nothing)", () => {
    const all = [...SEC_OPS, ...SERVICE_DESK, ...rows("quiet", [10, 10, 10, 40])];
    const flags = farAboveTeamMean(all);
    expect(farAboveTeamMean(SEC_OPS)).toEqual(flags.slice(0, 4));
    expect(farAboveTeamMean(SERVICE_DESK)).toEqual(flags.slice(4, 8));
  });
});
