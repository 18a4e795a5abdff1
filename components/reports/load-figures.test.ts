import { describe, expect, it } from "vitest";
import type { LoadPersonRow, LoadReport } from "@/lib/reports/types";
import { loadChartLabels, loadFigures, loadWarnings, loadWarningText } from "./load-figures";

const person = (userId: string, name: string, teamId: string, teamName: string, burden: number, interruptions: number, highlighted = false): LoadPersonRow => ({
  userId,
  name,
  timeZone: "UTC",
  onCallHours: 0,
  notifications: interruptions,
  interruptions: { business: interruptions, off_hours: 0, sleep: 0, total: interruptions },
  acknowledged: 0,
  burden,
  ledgerHours: 0,
  highlighted,
  teamId,
  teamName,
});
const team = (teamId: string, teamName: string, people: number, burden: number, interruptions: number) => ({ teamId, teamName, people, mean: { burden, interruptions } });

// The QA report: everyone's mean burden 65.5 and 0.5 interruptions; Security Operations' 59.6.
const QA: Pick<LoadReport, "people" | "teams"> = {
  people: [
    person("g", "Grace Hopkins", "sec", "Security Operations", 100, 2, true),
    person("h", "Hal Jones", "sec", "Security Operations", 45, 0),
    person("d", "Dina Desk", "desk", "Service Desk", 80, 1),
  ],
  teams: [team("sec", "Security Operations", 4, 59.6, 0.5), team("desk", "Service Desk", 4, 71.4, 0.5)],
};

describe("loadWarnings: each highlighted person against their own team's mean, named as the team's", () => {
  it.each([
    { name: "nobody highlighted: no warning", report: { ...QA, people: QA.people.map((p) => ({ ...p, highlighted: false })) }, expected: [] },
    {
      name: "Grace against Security Operations' mean (59.6), not everyone's (65.5)",
      report: QA,
      expected: ["Grace Hopkins (burden 100, 2 interruptions) carries far more than their team's mean (Security Operations mean per person: burden 59.6, 0.5 interruptions)."],
    },
    {
      name: "two teams: one sentence each, with that team's mean",
      report: {
        people: [...QA.people, person("d2", "Dan Desk", "desk", "Service Desk", 150, 1, true), person("e", "Eve Desk", "desk", "Service Desk", 140, 0, true)],
        teams: QA.teams,
      },
      expected: [
        "Grace Hopkins (burden 100, 2 interruptions) carries far more than their team's mean (Security Operations mean per person: burden 59.6, 0.5 interruptions).",
        "Dan Desk (burden 150, 1 interruption) and Eve Desk (burden 140, 0 interruptions) carry far more than their team's mean (Service Desk mean per person: burden 71.4, 0.5 interruptions).",
      ],
    },
    {
      name: "a person in two teams is named only under the team they are highlighted in",
      report: {
        people: [person("a", "Alice", "qa", "QA-A Team", 23.1, 0, true), person("a", "Alice", "desk", "Service Desk", 0, 0)],
        teams: [team("qa", "QA-A Team", 4, 5.8, 0), team("desk", "Service Desk", 4, 6, 0)],
      },
      expected: ["Alice (burden 23.1, 0 interruptions) carries far more than their team's mean (QA-A Team mean per person: burden 5.8, 0 interruptions)."],
    },
  ])("$name", ({ report, expected }) => {
    expect(loadWarnings(report).map(loadWarningText)).toEqual(expected);
  });

  it("never quotes the mean over every team", () => {
    expect(loadWarnings(QA).map(loadWarningText).join(" ")).not.toContain("65.5");
  });
});

describe("loadFigures and loadChartLabels", () => {
  it.each([
    [65.46, 0.5, "burden 65.5, 0.5 interruptions"],
    [0, 1, "burden 0, 1 interruption"],
    [12, 3, "burden 12, 3 interruptions"],
  ])("%s, %s → %s", (burden, interruptions, expected) => expect(loadFigures(burden, interruptions)).toBe(expected));

  it("the team in brackets only for someone with several rows", () => {
    expect(loadChartLabels([person("a", "Alice", "qa", "QA-A Team", 0, 0), person("a", "Alice", "desk", "Service Desk", 0, 0), person("b", "Bob", "desk", "Service Desk", 0, 0)])).toEqual([
      "Alice (QA-A Team)",
      "Alice (Service Desk)",
      "Bob",
    ]);
  });
});
