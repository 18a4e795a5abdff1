/** One row of the load report as the team comparison sees it: a person's figures in one team. */
export type TeamLoadFigures = { teamId: string; burden: number; interruptions: number };

/** A team's mean per row (person) of the load report: what each of its people is compared with. */
export type TeamLoadMean = { teamId: string; people: number; burden: number; interruptions: number };

/** Above this share of the team's mean (and one standard deviation above it) someone carries "far more". */
export const FAR_ABOVE_MEAN_FACTOR = 1.25;

const meanOf = (xs: readonly number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0);
const sdOf = (xs: readonly number[], mean: number) => (xs.length ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length) : 0);

function byTeam<T extends TeamLoadFigures>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const g = groups.get(r.teamId);
    if (g) g.push(r);
    else groups.set(r.teamId, [r]);
  }
  return groups;
}

/** Each team's mean burden and interruptions over its own rows, in the order teams first appear. */
export function teamLoadMeans(rows: readonly TeamLoadFigures[]): TeamLoadMean[] {
  return [...byTeam(rows)].map(([teamId, group]) => ({
    teamId,
    people: group.length,
    burden: meanOf(group.map((r) => r.burden)),
    interruptions: meanOf(group.map((r) => r.interruptions)),
  }));
}

/**
 * Who carries far more than their own team: burden or interruptions more than one (population)
 * standard deviation and 25 % above the mean of the rows of the same team — never of every team
 * together. One flag per row, in the rows' order; a row's team decides, so a person in two teams
 * is judged in each separately.
 */
export function farAboveTeamMean(rows: readonly TeamLoadFigures[]): boolean[] {
  const verdict = new Map<TeamLoadFigures, boolean>();
  for (const group of byTeam(rows).values()) {
    const above = (value: (r: TeamLoadFigures) => number) => {
      const xs = group.map(value);
      const mean = meanOf(xs);
      const sd = sdOf(xs, mean);
      return (r: TeamLoadFigures) => value(r) > mean + sd && value(r) > FAR_ABOVE_MEAN_FACTOR * mean;
    };
    const heavyBurden = above((r) => r.burden);
    const heavyInterruptions = above((r) => r.interruptions);
    for (const r of group) verdict.set(r, heavyBurden(r) || heavyInterruptions(r));
  }
  return rows.map((r) => verdict.get(r) ?? false);
}
