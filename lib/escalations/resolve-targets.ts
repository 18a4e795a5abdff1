import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { schedules, teamMembers, teams, users } from "@/db/schema";
import type { EscalationTarget } from "@/lib/core/escalation";
import { onCallAt } from "@/lib/core/schedule";
import { loadEngineSchedule } from "@/lib/schedules/load-engine-schedule";

export type Recipient = { userId: string; name: string; email: string; timeZone: string; via: string };
export type ResolvedLevel = { recipients: Recipient[]; /** Targets that gave nobody, as words for the timeline. */ empty: string[] };

const HOUR = 3_600_000;

/**
 * The people a level reaches at `at`: a user; whoever holds a schedule at that instant
 * (`onCallAt`, overrides and swaps included); a team's members or its leads. Disabled people are
 * skipped. Each person once, with how they were reached.
 */
export async function resolveTargets(db: Queryable, targets: EscalationTarget[], at: Date): Promise<ResolvedLevel> {
  const found = new Map<string, string>();
  const empty: string[] = [];
  for (const t of targets) {
    if (t.type === "user") {
      found.set(t.id, found.get(t.id) ?? "directly");
    } else if (t.type === "schedule") {
      const [s] = await db.select({ id: schedules.id, name: schedules.name }).from(schedules).where(eq(schedules.id, t.id));
      if (!s) {
        empty.push("a deleted schedule");
        continue;
      }
      const loaded = await loadEngineSchedule(db, s.id, new Date(at.getTime() - HOUR), new Date(at.getTime() + HOUR));
      const holder = onCallAt(loaded.engine, at.getTime()).userId;
      if (holder) found.set(holder, found.get(holder) ?? `on call for ${s.name}`);
      else empty.push(`nobody is on call for ${s.name}`);
    } else {
      const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, t.id));
      const rows = await db
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(t.scope === "leads" ? and(eq(teamMembers.teamId, t.id), eq(teamMembers.isLead, true)) : eq(teamMembers.teamId, t.id));
      const label = `${t.scope === "leads" ? "lead of" : "member of"} ${team?.name ?? "a deleted team"}`;
      if (!rows.length) empty.push(`${team?.name ?? "a deleted team"} has no ${t.scope === "leads" ? "lead" : "members"}`);
      for (const r of rows) found.set(r.userId, found.get(r.userId) ?? label);
    }
  }
  const ids = [...found.keys()];
  const people = ids.length ? await db.select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone, disabled: users.disabled }).from(users).where(inArray(users.id, ids)) : [];
  const recipients = people
    .filter((p) => !p.disabled)
    .map((p) => ({ userId: p.id, name: p.name || p.email, email: p.email, timeZone: p.timeZone, via: found.get(p.id)! }))
    .sort((a, b) => ids.indexOf(a.userId) - ids.indexOf(b.userId));
  if (!recipients.length && !empty.length) empty.push("nobody (the people targeted are disabled or deleted)");
  return { recipients, empty };
}

/** The failover recipients: the incident team's leads (when asked), named people, plain addresses; each address once. */
export async function failoverRecipients(db: Queryable, teamId: string, failover: { leads: boolean; userIds: string[]; emails: string[] }): Promise<{ userId: string | null; name: string; email: string }[]> {
  const userIds = new Set(failover.userIds);
  if (failover.leads) {
    const leads = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.isLead, true)));
    for (const l of leads) userIds.add(l.userId);
  }
  const people = userIds.size ? await db.select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled }).from(users).where(inArray(users.id, [...userIds])) : [];
  const out = new Map<string, { userId: string | null; name: string; email: string }>();
  for (const p of people) if (!p.disabled) out.set(p.email.toLowerCase(), { userId: p.id, name: p.name || p.email, email: p.email });
  for (const e of failover.emails) if (!out.has(e.toLowerCase())) out.set(e.toLowerCase(), { userId: null, name: e, email: e });
  return [...out.values()];
}
