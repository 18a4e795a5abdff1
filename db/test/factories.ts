import type { Database } from "@/db/client";
import { clients, clientStakeholders, clientTeams, teamMembers, teams, users, type Role } from "@/db/schema";
import { loadViewer } from "@/lib/access/viewer";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import type { Ctx } from "@/lib/context";

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
