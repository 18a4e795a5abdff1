import type { EscalationTarget } from "./index";

/** Names of the people, schedules and teams a policy refers to, by id. */
export type PolicyDirectory = { users: Record<string, string>; schedules: Record<string, string>; teams: Record<string, string> };

/**
 * How a target reads in a policy's timeline: a person's name, "on-call of <schedule>",
 * "everyone in <team>" or "leads of <team>". A target whose row is gone says so.
 */
export function targetName(target: EscalationTarget, directory: PolicyDirectory): string {
  if (target.type === "user") return directory.users[target.id] ?? "a deleted person";
  if (target.type === "schedule") return `on-call of ${directory.schedules[target.id] ?? "a deleted schedule"}`;
  const team = directory.teams[target.id] ?? "a deleted team";
  return target.scope === "leads" ? `leads of ${team}` : `everyone in ${team}`;
}
