import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "./client";
import { layerParticipants, scheduleLayers, schedules, swapRequests, teams, users } from "./schema";
import { rotationIndexAt, rotationShiftByIndex, type RotationLayer } from "@/lib/core/schedule";

/** The Monday on or before `now`, as a local date: where demo rotations start. */
function mondayOnOrBefore(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7);
  return d.toISOString().slice(0, 10);
}

/**
 * Demo schedules: "Service Desk 24/7" (weekly, Mondays 09:00 New York: alice, bob, carol, dave;
 * someone on call at every instant) with one pending cover request, and a follow-the-sun
 * "Security Operations" (erin and frank 08:00–20:00 New York, grace the rest).
 */
export async function seedDemoSchedules(db: Queryable, now: Date): Promise<void> {
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ["alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com", "erin@example.com", "frank@example.com", "grace@example.com"]));
  const id = (name: string) => people.find((p) => p.email === `${name}@example.com`)!.id;
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.name, ["Service Desk", "Security Operations"]));
  const team = (name: string) => teamRows.find((t) => t.name === name)?.id ?? null;
  const start = mondayOnOrBefore(now);

  const [desk] = await db
    .insert(schedules)
    .values({ name: "Service Desk 24/7", description: "Weekly rotation, handoff Mondays 09:00 New York.", timeZone: "America/New_York", teamId: team("Service Desk"), createdAt: now, updatedAt: now })
    .returning();
  const [weekly] = await db
    .insert(scheduleLayers)
    .values({ scheduleId: desk!.id, name: "Weekly rotation", position: 0, shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: start, createdAt: now, updatedAt: now })
    .returning();
  const deskOrder = ["alice", "bob", "carol", "dave"].map(id);
  await db.insert(layerParticipants).values(deskOrder.map((userId, position) => ({ layerId: weekly!.id, position, userId })));

  const [sec] = await db
    .insert(schedules)
    .values({ name: "Security Operations", description: "Follow the sun: New York days, London nights.", timeZone: "America/New_York", teamId: team("Security Operations"), createdAt: now, updatedAt: now })
    .returning();
  const [nights] = await db
    .insert(scheduleLayers)
    .values({ scheduleId: sec!.id, name: "London (rest of the day)", position: 0, shiftUnit: "weeks", shiftCount: 1, handoffTime: "08:00", handoffWeekday: 1, startDate: start, createdAt: now, updatedAt: now })
    .returning();
  await db.insert(layerParticipants).values({ layerId: nights!.id, position: 0, userId: id("grace") });
  const [days] = await db
    .insert(scheduleLayers)
    .values({
      scheduleId: sec!.id,
      name: "New York days",
      position: 1,
      shiftUnit: "days",
      shiftCount: 1,
      handoffTime: "08:00",
      startDate: start,
      restrictions: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "20:00" }],
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(layerParticipants).values(["erin", "frank"].map((n, position) => ({ layerId: days!.id, position, userId: id(n) })));

  // One pending request: whoever holds next week asks the person after them to cover it.
  const layer: RotationLayer = { id: weekly!.id, participants: deskOrder, shift: { unit: "weeks", count: 1 }, handoffTime: "09:00", handoffWeekday: 1, startDate: start };
  const next = rotationShiftByIndex(layer, "America/New_York", rotationIndexAt(layer, "America/New_York", now.getTime()) + 1);
  if (next) {
    const after = deskOrder[(deskOrder.indexOf(next.userId) + 1) % deskOrder.length]!;
    const open = await db.select({ id: swapRequests.id }).from(swapRequests).where(and(eq(swapRequests.scheduleId, desk!.id), eq(swapRequests.status, "pending")));
    if (open.length === 0) {
      await db.insert(swapRequests).values({
        scheduleId: desk!.id,
        kind: "cover",
        requesterId: next.userId,
        counterpartId: after,
        layerId: weekly!.id,
        shiftIndex: next.index,
        shiftStart: new Date(next.start),
        shiftEnd: new Date(next.end),
        partStart: new Date(next.start),
        partEnd: new Date(next.end),
        note: "Family wedding that weekend: could you take my week? I'll take one of yours.",
        createdBy: next.userId,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}
