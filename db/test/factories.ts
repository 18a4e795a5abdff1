import type { Database } from "@/db/client";
import { eq } from "drizzle-orm";
import { clientHolidays, clients, clientStakeholders, clientTeams, integrationKeys, services, teamMembers, teams, users, type Role } from "@/db/schema";
import { loadViewer } from "@/lib/access/viewer";
import { uniformBusinessHours, type BusinessHours } from "@/lib/core/business-hours";
import { generateRoutingKey } from "@/lib/services/routing-key";
import type { Ctx } from "@/lib/context";
import type { EmailRule } from "@/lib/core/alerts";

let seq = 0;
const unique = (label: string) => `${label} ${Date.now().toString(36)}-${++seq}`;

export async function makeUser(db: Database, overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {}) {
  const n = ++seq;
  const [u] = await db
    .insert(users)
    .values({ email: `user${n}-${Math.random().toString(36).slice(2, 8)}@test.example`, name: unique("Person"), role: "engineer", timeZone: "UTC", ...overrides })
    .returning();
  return u!;
}

export async function makeTeam(db: Database, members: { userId: string; isLead?: boolean }[] = []) {
  const [t] = await db.insert(teams).values({ name: unique("Team") }).returning();
  if (members.length) await db.insert(teamMembers).values(members.map((m) => ({ teamId: t!.id, userId: m.userId, isLead: m.isLead ?? false })));
  return t!;
}

export async function makeClient(db: Database, opts: { teamIds?: string[]; stakeholderIds?: string[]; timeZone?: string } = {}) {
  const [c] = await db
    .insert(clients)
    .values({ name: unique("Client"), timeZone: opts.timeZone ?? "America/New_York", businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "08:00", end: "18:00" }) })
    .returning();
  if (opts.teamIds?.length) await db.insert(clientTeams).values(opts.teamIds.map((teamId) => ({ clientId: c!.id, teamId })));
  if (opts.stakeholderIds?.length) await db.insert(clientStakeholders).values(opts.stakeholderIds.map((userId) => ({ clientId: c!.id, userId })));
  return c!;
}

/** The context a signed-in person's request would have. */
export async function ctxFor(db: Database, userId: string, now = new Date("2026-11-23T12:00:00Z")): Promise<Ctx> {
  const viewer = await loadViewer(db, userId, "session");
  if (!viewer) throw new Error(`no viewer for ${userId}`);
  return { db, viewer, meta: { ip: "203.0.113.7", requestId: `test-${++seq}` }, now };
}

/** A schedule with one weekly rotation of `participantIds` (handoff Monday 09:00 in `timeZone`). */
export async function makeWeeklySchedule(db: Database, opts: { participantIds: string[]; teamId?: string; timeZone?: string; startDate?: string }) {
  const { schedules, scheduleLayers, layerParticipants } = await import("@/db/schema");
  const [s] = await db.insert(schedules).values({ name: unique("Schedule"), timeZone: opts.timeZone ?? "America/New_York", teamId: opts.teamId ?? null }).returning();
  const [layer] = await db
    .insert(scheduleLayers)
    .values({ scheduleId: s!.id, name: "Primary", position: 0, shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: opts.startDate ?? "2026-11-02" })
    .returning();
  await db.insert(layerParticipants).values(opts.participantIds.map((userId, position) => ({ layerId: layer!.id, position, userId })));
  return { schedule: s!, layer: layer! };
}

/** A service of `clientId` run by `teamId` (the team is linked to the client if it is not yet). */
export async function makeService(db: Database, opts: { clientId: string; teamId: string; name?: string; emailRules?: (typeof services.$inferInsert)["emailRules"]; escalationPolicyId?: string }) {
  await db.insert(clientTeams).values({ clientId: opts.clientId, teamId: opts.teamId }).onConflictDoNothing();
  const [s] = await db
    .insert(services)
    .values({ name: opts.name ?? unique("Service"), clientId: opts.clientId, teamId: opts.teamId, emailRules: opts.emailRules ?? [], escalationPolicyId: opts.escalationPolicyId ?? null })
    .returning();
  return s!;
}

/** An active routing key for a service; returns the key itself (as shown once) and its row. */
export async function makeIntegrationKey(db: Database, serviceId: string, name = "test key") {
  const { key, prefix, hash } = generateRoutingKey();
  const [row] = await db.insert(integrationKeys).values({ serviceId, name, prefix, hash }).returning();
  return { key, row: row! };
}

/** A client with its own business hours, zone and holidays (for paging decisions). */
export async function makeClientWithHours(db: Database, opts: { timeZone: string; businessHours: BusinessHours; holidays?: string[]; teamIds?: string[]; stakeholderIds?: string[] }) {
  const c = await makeClient(db, { timeZone: opts.timeZone, teamIds: opts.teamIds, stakeholderIds: opts.stakeholderIds });
  await db.update(clients).set({ businessHours: opts.businessHours }).where(eq(clients.id, c.id));
  if (opts.holidays?.length) await db.insert(clientHolidays).values(opts.holidays.map((date) => ({ clientId: c.id, date })));
  return { ...c, businessHours: opts.businessHours };
}

/** An escalation policy; defaults: one level reaching `targets` after which 5 minutes pass, no repeat, stop on acknowledge, failover to the leads. */
export async function makePolicy(db: Database, opts: { levels: { delayMinutes: number; targets: import("@/lib/core/escalation").EscalationTarget[] }[]; repeat?: number; stopOn?: "read" | "acknowledged"; failover?: { leads: boolean; userIds: string[]; emails: string[] } }) {
  const { escalationPolicies } = await import("@/db/schema");
  const [p] = await db
    .insert(escalationPolicies)
    .values({ name: unique("Policy"), levels: opts.levels, repeat: opts.repeat ?? 0, stopOn: opts.stopOn ?? "acknowledged", failover: opts.failover ?? { leads: true, userIds: [], emails: [] } })
    .returning();
  return p!;
}

/** A triggered incident on a service (as ingestion makes one), with its first alert. */
export async function makeIncident(db: Database, service: typeof services.$inferSelect, opts: { at: Date; title?: string; priority?: "high" | "medium" | "low"; deferredUntil?: Date; confidential?: boolean }) {
  const { alerts, incidents } = await import("@/db/schema");
  const [i] = await db
    .insert(incidents)
    .values({ title: opts.title ?? unique("Disk full"), priority: opts.priority ?? "high", clientId: service.clientId, serviceId: service.id, teamId: service.teamId, escalationPolicyId: service.escalationPolicyId, triggeredAt: opts.at, deferredUntil: opts.deferredUntil ?? null, confidential: opts.confidential ?? false, updatedAt: opts.at })
    .returning();
  await db.insert(alerts).values({ serviceId: service.id, clientId: service.clientId, teamId: service.teamId, incidentId: i!.id, dedupKey: unique("dedup"), source: "events_v2", summary: i!.title, severity: "critical", eventSource: "db-1.test", customDetails: { disk: "/var", used: "91%" }, priority: i!.priority, firstSeenAt: opts.at, lastSeenAt: opts.at });
  return i!;
}

/**
 * A service whose client is open every hour of every day (so each alert pages at once, whatever
 * the clock says), with these email rules and one integration key.
 */
export async function makeAlwaysOpenService(db: Database, opts: { emailRules?: (typeof services.$inferInsert)["emailRules"] } = {}) {
  const team = await makeTeam(db);
  const client = await makeClientWithHours(db, { timeZone: "UTC", businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], { start: "00:00", end: "24:00" }), teamIds: [team.id] });
  const service = await makeService(db, { clientId: client.id, teamId: team.id, ...(opts.emailRules ? { emailRules: opts.emailRules } : {}) });
  const { key } = await makeIntegrationKey(db, service.id);
  return { team, client, service, key };
}

/** Email rules for Nagios' problem and recovery mails (the dedup key is host/service). */
export const NAGIOS_EMAIL_RULES: EmailRule[] = [
  { name: "Nagios recovery", subject: "^\\*\\* RECOVERY .*: (?<key>\\S+/\\S+) is", body: "", action: "resolve" },
  { name: "Nagios problem", subject: "^\\*\\* PROBLEM .*: (?<key>\\S+/\\S+) is", body: "", action: "trigger" },
];
