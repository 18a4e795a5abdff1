import { count } from "drizzle-orm";
import type { DbHandle } from "./client";
import type { Queryable } from "./client";
import { clientAlertPolicies, clientHolidays, clients, clientStakeholders, clientTeams, priorityRules, services, teamHolidays, teamMembers, teams, users, type Role } from "./schema";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import { localDateAt } from "@/lib/core/time";
import { usFederalHolidays } from "@/lib/core/time/us-federal-holidays";
import { isLocalDatabaseUrl } from "@/lib/env";

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

/** The US federal holidays of the demo's year and the next (Acme Dental's calendar, and the Service Desk team's). */
export function demoHolidays(now: Date): { date: string; name: string }[] {
  const year = Number(localDateAt(now.getTime(), "America/New_York").slice(0, 4));
  return [...usFederalHolidays(year), ...usFederalHolidays(year + 1)];
}

type Person = { email: string; name: string; role: Role; timeZone: string };
export const DEMO_PEOPLE: Person[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin", timeZone: "America/New_York" },
  { email: "manager@example.com", name: "Morgan Manager", role: "manager", timeZone: "America/New_York" },
  { email: "alice@example.com", name: "Alice Nguyen", role: "engineer", timeZone: "America/New_York" },
  { email: "bob@example.com", name: "Bob Okafor", role: "engineer", timeZone: "America/New_York" },
  { email: "carol@example.com", name: "Carol Schmidt", role: "engineer", timeZone: "America/Chicago" },
  { email: "dave@example.com", name: "Dave Patel", role: "engineer", timeZone: "America/New_York" },
  { email: "erin@example.com", name: "Erin Walsh", role: "engineer", timeZone: "America/New_York" },
  { email: "frank@example.com", name: "Frank Moreau", role: "engineer", timeZone: "America/New_York" },
  { email: "grace@example.com", name: "Grace Hopkins", role: "engineer", timeZone: "Europe/London" },
  { email: "heidi@example.com", name: "Heidi Larsen", role: "engineer", timeZone: "Europe/London" },
  { email: "jane@acme.example", name: "Jane Whitfield", role: "stakeholder", timeZone: "America/New_York" },
  { email: "tom@globex.example", name: "Tom Barker", role: "stakeholder", timeZone: "Europe/London" },
];

function isLocal(handle: DbHandle, url?: string): boolean {
  return handle.kind === "pglite" || (url !== undefined && isLocalDatabaseUrl(url));
}

/**
 * Writes the demo data. Refuses a database that already has people (unless `force`), and a
 * non-local database unless `allowNonLocal` — demo accounts never reach production by accident.
 */
export async function seedDemoData(handle: DbHandle, opts: { now: Date; url?: string; force?: boolean; allowNonLocal?: boolean }): Promise<void> {
  if (!isLocal(handle, opts.url) && !opts.allowNonLocal) {
    throw new SeedRefusedError("Refusing to seed demo data into a non-local database. Set BATON_ALLOW_NONLOCAL_SEED=1 if you mean it.");
  }
  const db = handle.db;
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0 && !opts.force) {
    throw new SeedRefusedError("The database already has users; the seed only fills an empty database (pass --force to add the demo data anyway).");
  }
  await db.transaction(async (tx) => {
    const now = opts.now;
    const people = await tx
      .insert(users)
      .values(DEMO_PEOPLE.map((p) => ({ ...p, emailVerified: now, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    const id = (email: string) => {
      const p = people.find((x) => x.email === email);
      if (!p) throw new SeedRefusedError(`${email} already exists; the seed does not merge into existing people.`);
      return p.id;
    };
    const [serviceDesk, secOps] = await tx
      .insert(teams)
      .values([
        { name: "Service Desk", description: "First line for every client: servers, endpoints, backups.", createdAt: now, updatedAt: now },
        { name: "Security Operations", description: "Detection and response: identity, email and endpoint security.", createdAt: now, updatedAt: now },
      ])
      .returning({ id: teams.id });
    await tx.insert(teamMembers).values([
      ...["alice", "bob", "carol", "dave"].map((n) => ({ teamId: serviceDesk!.id, userId: id(`${n}@example.com`), isLead: n === "alice", joinedAt: now })),
      ...["erin", "frank", "grace", "heidi"].map((n) => ({ teamId: secOps!.id, userId: id(`${n}@example.com`), isLead: n === "erin", joinedAt: now })),
    ]);
    // The desk's own calendar: its 24/7 schedule has no client, so these are its holidays.
    await tx.insert(teamHolidays).values(demoHolidays(now).map((h) => ({ teamId: serviceDesk!.id, ...h })));
    const [acme, globex] = await tx
      .insert(clients)
      .values([
        {
          name: "Acme Dental",
          timeZone: "America/New_York",
          businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "08:00", end: "18:00" }),
          notes: "Four dental practices in New Jersey. Practice management server and imaging are critical during opening hours.",
          // Minutes: answer a high page within 15 and fix it within 4 hours; lows can wait for the next day.
          slaTargets: { high: { acknowledgeMinutes: 15, resolveMinutes: 240 }, medium: { acknowledgeMinutes: 60, resolveMinutes: 480 }, low: { acknowledgeMinutes: 240, resolveMinutes: 2880 } },
          createdAt: now,
          updatedAt: now,
        },
        {
          name: "Globex Logistics",
          timeZone: "Europe/London",
          businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat"], { start: "07:00", end: "19:00" }),
          notes: "Warehouse network and handheld scanners across two UK depots.",
          slaTargets: { high: { acknowledgeMinutes: 30, resolveMinutes: 480 }, medium: { acknowledgeMinutes: 120, resolveMinutes: 1440 } },
          createdAt: now,
          updatedAt: now,
        },
      ])
      .returning({ id: clients.id });
    await tx.insert(clientHolidays).values(demoHolidays(now).map((h) => ({ clientId: acme!.id, ...h })));
    await tx.insert(clientTeams).values([
      { clientId: acme!.id, teamId: serviceDesk!.id },
      { clientId: globex!.id, teamId: serviceDesk!.id },
      { clientId: acme!.id, teamId: secOps!.id },
      { clientId: globex!.id, teamId: secOps!.id },
    ]);
    await tx.insert(clientStakeholders).values([
      { clientId: acme!.id, userId: id("jane@acme.example") },
      { clientId: globex!.id, userId: id("tom@globex.example") },
    ]);
    await seedAlerting(tx, { acme: acme!.id, globex: globex!.id, serviceDesk: serviceDesk!.id }, now);
  });
}

/** The demo services and their clients' own priority rules (issue "Alerts in"). */
async function seedAlerting(tx: Queryable, ids: { acme: string; globex: string; serviceDesk: string }, now: Date) {
  const [acmeServers, globexNetwork] = await tx
    .insert(services)
    .values([
      {
        name: "Acme Dental Servers",
        description: "Practice management server, imaging server and backups at the four practices.",
        clientId: ids.acme,
        teamId: ids.serviceDesk,
        emailRules: [
          { name: "Veeam job succeeded", subject: "^\\[Success\\] (?<key>.+)$", body: "", action: "resolve" },
          { name: "Veeam job failed", subject: "^\\[(Failed|Warning)\\] (?<key>.+)$", body: "", action: "trigger" },
        ],
        createdAt: now,
        updatedAt: now,
      },
      { name: "Globex Warehouse Network", description: "Core switches, Wi-Fi and handheld scanners in both depots.", clientId: ids.globex, teamId: ids.serviceDesk, createdAt: now, updatedAt: now },
    ])
    .returning({ id: services.id });
  const rule = (owner: { clientId: string } | { serviceId: string }, position: number, name: string, priority: "high" | "medium" | "low", conditions: { field: "severity" | "summary" | "source" | "component" | "group" | "class" | "detail"; op: "equals" | "contains" | "regex"; value: string; path?: string }[]) => ({
    ...owner,
    position,
    name,
    priority,
    conditions: conditions.map((c) => ({ path: "", ...c })),
    createdAt: now,
  });
  await tx.insert(priorityRules).values([
    // Acme Dental: the practices cannot see patients without imaging or the PMS; backups can wait for the morning.
    rule({ clientId: ids.acme }, 1, "Imaging or PMS down is urgent", "high", [{ field: "summary", op: "regex", value: "\\b(imaging|pms|practice management)\\b" }]),
    rule({ clientId: ids.acme }, 2, "Backup warnings wait for business hours", "low", [{ field: "class", op: "equals", value: "backup" }]),
    // Globex: scanners are many and replaceable; the warehouse management system is not.
    rule({ clientId: ids.globex }, 1, "Warehouse management system is urgent", "high", [{ field: "summary", op: "regex", value: "\\b(wms|warehouse management)\\b" }]),
    rule({ clientId: ids.globex }, 2, "Handheld scanners are low", "low", [{ field: "component", op: "contains", value: "scanner" }]),
    rule({ serviceId: acmeServers!.id }, 1, "UPS on battery is urgent", "high", [{ field: "detail", path: "ups.status", op: "equals", value: "on battery" }]),
    rule({ serviceId: globexNetwork!.id }, 1, "Core switch is urgent", "high", [{ field: "source", op: "regex", value: "^core-sw-\\d+" }]),
  ]);
  // Globex's low alerts are recorded and never page.
  await tx.insert(clientAlertPolicies).values([{ clientId: ids.globex, lowPriority: "record", updatedAt: now }]);
}
