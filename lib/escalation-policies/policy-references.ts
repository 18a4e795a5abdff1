import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { escalationPolicies, schedules, teams, users } from "@/db/schema";
import type { FailoverContacts, PolicyLevel } from "@/lib/core/escalation";
import type { PolicyDirectory } from "@/lib/core/escalation/target-names";
import { InvalidError, type FieldIssue } from "@/lib/errors";

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The names of every person, schedule and team the policies refer to (failover people included).
 * `lockSchedules` share-locks the schedules found, so a concurrent schedule delete either waits
 * for this transaction (and then sees the policy targeting it) or has already gone.
 */
export async function loadPolicyDirectory(db: Queryable, policies: { levels: PolicyLevel[]; failover: FailoverContacts }[], opts: { lockSchedules?: boolean } = {}): Promise<PolicyDirectory> {
  const targets = policies.flatMap((p) => p.levels.flatMap((l) => l.targets));
  const userIds = unique([...targets.filter((t) => t.type === "user").map((t) => t.id), ...policies.flatMap((p) => p.failover.userIds)]);
  const scheduleIds = unique(targets.filter((t) => t.type === "schedule").map((t) => t.id));
  const teamIds = unique(targets.filter((t) => t.type === "team").map((t) => t.id));
  const scheduleRows = () => {
    const q = db.select({ id: schedules.id, name: schedules.name }).from(schedules).where(inArray(schedules.id, scheduleIds));
    return opts.lockSchedules ? q.for("share") : q;
  };
  const [u, s, t] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds)) : [],
    scheduleIds.length ? scheduleRows() : [],
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : [],
  ]);
  return {
    users: Object.fromEntries(u.map((x) => [x.id, x.name || x.email])),
    schedules: Object.fromEntries(s.map((x) => [x.id, x.name])),
    teams: Object.fromEntries(t.map((x) => [x.id, x.name])),
  };
}

/**
 * Every person, schedule and team a policy names must exist: one issue per missing one, named
 * by its path (`levels.1.targets.0.id`, `failover.userIds.2`), so the editor marks the exact row.
 * In a transaction, the schedules stay share-locked until it ends (see `deleteSchedule`).
 */
export async function requirePolicyReferences(db: Queryable, policy: { levels?: PolicyLevel[]; failover?: FailoverContacts }): Promise<void> {
  const levels = policy.levels ?? [];
  const failover = policy.failover ?? { leads: false, userIds: [], emails: [] };
  const directory = await loadPolicyDirectory(db, [{ levels, failover }], { lockSchedules: true });
  const issues: FieldIssue[] = [];
  levels.forEach((level, i) =>
    level.targets.forEach((t, j) => {
      const known = t.type === "user" ? directory.users : t.type === "schedule" ? directory.schedules : directory.teams;
      if (!(t.id in known)) issues.push({ path: `levels.${i}.targets.${j}.id`, message: `Unknown ${t.type === "user" ? "person" : t.type}` });
    }),
  );
  failover.userIds.forEach((id, k) => {
    if (!(id in directory.users)) issues.push({ path: `failover.userIds.${k}`, message: "Unknown person" });
  });
  if (issues.length) throw new InvalidError(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * For a service's `escalationPolicyId`: the policy must exist. The row is share-locked, so a
 * concurrent delete either waits for this transaction (and then sees the service using it) or
 * has already gone (and this is a 400).
 */
export async function requirePolicyExists(db: Queryable, policyId: string, field = "escalationPolicyId"): Promise<void> {
  const [row] = await db.select({ id: escalationPolicies.id }).from(escalationPolicies).where(eq(escalationPolicies.id, policyId)).for("share");
  if (!row) throw InvalidError.field(field, "Unknown escalation policy");
}
