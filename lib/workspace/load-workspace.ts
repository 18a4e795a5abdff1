import { and, asc, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { isIncidentManager } from "./incident-manager";
import { listChecklist } from "./list-checklist";
import { listIncidentTypes } from "./list-incident-types";
import { listParticipants } from "./list-participants";
import { listStatusUpdates } from "./list-status-updates";
import type { ChecklistOutput, ParticipantOutput, StatusUpdateOutput } from "./schemas";

export type WorkspaceView = {
  viewerId: string;
  canRespond: boolean;
  canManage: boolean;
  participants: ParticipantOutput[];
  people: { id: string; name: string }[];
  checklist: ChecklistOutput;
  types: { id: string; name: string; security: boolean }[];
  statusUpdates: StatusUpdateOutput[];
};

/** What the incident page's workspace panels show, for staff (the caller has checked the incident is visible). */
export async function loadWorkspace(ctx: Ctx, incidentId: string): Promise<WorkspaceView> {
  const [participants, checklist, types, statusUpdates, canManage, people] = await Promise.all([
    listParticipants(ctx, incidentId),
    listChecklist(ctx, incidentId),
    listIncidentTypes(ctx),
    listStatusUpdates(ctx, incidentId),
    isIncidentManager(ctx.db, ctx, incidentId),
    ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(and(ne(users.role, "stakeholder"), eq(users.disabled, false))).orderBy(asc(users.name)).limit(500),
  ]);
  return {
    viewerId: ctx.viewer.userId,
    canRespond: can(ctx.viewer, "incidents:respond"),
    canManage,
    participants,
    people: people.map((p) => ({ id: p.id, name: p.name || p.email })),
    checklist,
    types: types.map((t) => ({ id: t.id, name: t.name, security: t.security })),
    statusUpdates,
  };
}
