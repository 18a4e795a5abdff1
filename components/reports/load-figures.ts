import type { LoadReport } from "@/lib/reports/types";
import { formatDecimal } from "./format";

/** "burden 59.6, 0.5 interruptions" (one decimal at most). */
export function loadFigures(burden: number, interruptions: number): string {
  return `burden ${formatDecimal(burden)}, ${formatDecimal(interruptions)} ${interruptions === 1 ? "interruption" : "interruptions"}`;
}

/** "A", "A and B", "A, B and C". */
const listOf = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export type LoadWarning = {
  teamId: string;
  teamName: string;
  /** The highlighted people of this team with their own figures in it. */
  people: { name: string; figures: string }[];
  /** What follows the names: the comparison, quoting the team's mean as the team's. */
  rest: string;
};

/**
 * The Load tab's warning: for each team with highlighted people, who they are (their figures in
 * that team) and the team's own mean per person they were compared with — never the mean over
 * every team. Teams in the report's order (by name).
 */
export function loadWarnings(report: Pick<LoadReport, "people" | "teams">): LoadWarning[] {
  return report.teams.flatMap((team) => {
    const flagged = report.people.filter((p) => p.highlighted && p.teamId === team.teamId);
    if (flagged.length === 0) return [];
    return [
      {
        teamId: team.teamId,
        teamName: team.teamName,
        people: flagged.map((p) => ({ name: p.name, figures: loadFigures(p.burden, p.interruptions.total) })),
        rest: `${flagged.length === 1 ? "carries" : "carry"} far more than their team's mean (${team.teamName} mean per person: ${loadFigures(team.mean.burden, team.mean.interruptions)}).`,
      },
    ];
  });
}

/** A warning as one sentence (the page sets the names in bold). */
export function loadWarningText(w: LoadWarning): string {
  return `${listOf(w.people.map((p) => `${p.name} (${p.figures})`))} ${w.rest}`;
}

/** Chart labels: the name, and the team in brackets for someone with a row in several teams. */
export function loadChartLabels(people: Pick<LoadReport["people"][number], "userId" | "name" | "teamName">[]): string[] {
  const rowsOf = new Map<string, number>();
  for (const p of people) rowsOf.set(p.userId, (rowsOf.get(p.userId) ?? 0) + 1);
  return people.map((p) => ((rowsOf.get(p.userId) ?? 0) > 1 ? `${p.name} (${p.teamName})` : p.name));
}
