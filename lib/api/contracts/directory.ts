import { z } from "zod";
import { ROLES } from "@/db/schema";
import { clientOutput, createClientInput, updateClientInput } from "@/lib/clients/schemas";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { addTeamMemberInput, createTeamInput, setTeamLeadInput, teamDetailOutput, teamMemberOutput, teamOutput, updateTeamInput } from "@/lib/teams/schemas";
import { inviteUserInput, updateUserInput, userOutput } from "@/lib/users/schemas";
import { pageQuerySchema } from "../pagination";
import { list, one } from "./shapes";


const teamParams = z.object({ teamId: idSchema });
const memberParams = z.object({ teamId: idSchema, userId: idSchema });
const clientParams = z.object({ clientId: idSchema });
const userParams = z.object({ userId: idSchema });

/** People, teams and clients. */
export const directoryContracts = {
  listUsers: { method: "GET", path: "/api/v1/users", tag: "Users", summary: "List people", permission: "users:read", query: pageQuerySchema.extend({ role: z.enum(ROLES).optional() }), response: list(userOutput) },
  createUser: { method: "POST", path: "/api/v1/users", tag: "Users", summary: "Invite a person with a role", permission: "users:manage", body: inviteUserInput, response: one(userOutput), status: 201 },
  getUser: { method: "GET", path: "/api/v1/users/{userId}", tag: "Users", summary: "Get a person", permission: "users:read", params: userParams, response: one(userOutput) },
  updateUser: { method: "PATCH", path: "/api/v1/users/{userId}", tag: "Users", summary: "Update a person (name, role, time zone, phone, disabled)", permission: "users:manage", params: userParams, body: updateUserInput.omit({ userId: true }).extend({ disabled: z.boolean().optional() }), response: one(userOutput) },
  deleteUser: { method: "DELETE", path: "/api/v1/users/{userId}", tag: "Users", summary: "Delete a person (409 while they are on a schedule: disable them instead, which keeps who held past shifts)", permission: "users:manage", params: userParams, status: 204 },

  listTeams: { method: "GET", path: "/api/v1/teams", tag: "Teams", summary: "List teams", permission: "teams:read", query: pageQuerySchema, response: list(teamOutput) },
  createTeam: { method: "POST", path: "/api/v1/teams", tag: "Teams", summary: "Create a team (members, leads, holiday calendar)", permission: "teams:manage", body: createTeamInput, response: one(teamDetailOutput), status: 201 },
  getTeam: { method: "GET", path: "/api/v1/teams/{teamId}", tag: "Teams", summary: "Get a team with its members and holidays", permission: "teams:read", params: teamParams, response: one(teamDetailOutput) },
  updateTeam: { method: "PATCH", path: "/api/v1/teams/{teamId}", tag: "Teams", summary: "Rename or describe a team, or replace its holiday calendar (holidays, when given, replace the whole list)", permission: "teams:manage", params: teamParams, body: updateTeamInput.omit({ teamId: true }), response: one(teamDetailOutput) },
  deleteTeam: { method: "DELETE", path: "/api/v1/teams/{teamId}", tag: "Teams", summary: "Delete a team", permission: "teams:manage", params: teamParams, status: 204 },
  listTeamMembers: { method: "GET", path: "/api/v1/teams/{teamId}/members", tag: "Teams", summary: "List a team's members", permission: "teams:read", params: teamParams, response: list(teamMemberOutput) },
  addTeamMember: { method: "POST", path: "/api/v1/teams/{teamId}/members", tag: "Teams", summary: "Add a member", permission: "teams:manage", params: teamParams, body: addTeamMemberInput.omit({ teamId: true }), response: one(teamDetailOutput), status: 201 },
  updateTeamMember: { method: "PATCH", path: "/api/v1/teams/{teamId}/members/{userId}", tag: "Teams", summary: "Make or unmake a lead", permission: "teams:manage", params: memberParams, body: setTeamLeadInput.omit({ teamId: true, userId: true }), response: one(teamDetailOutput) },
  removeTeamMember: { method: "DELETE", path: "/api/v1/teams/{teamId}/members/{userId}", tag: "Teams", summary: "Remove a member", permission: "teams:manage", params: memberParams, status: 204 },

  listClients: { method: "GET", path: "/api/v1/clients", tag: "Clients", summary: "List clients", permission: "clients:read", query: pageQuerySchema, response: list(clientOutput) },
  createClient: { method: "POST", path: "/api/v1/clients", tag: "Clients", summary: "Create a client", permission: "clients:manage", body: createClientInput, response: one(clientOutput), status: 201 },
  getClient: { method: "GET", path: "/api/v1/clients/{clientId}", tag: "Clients", summary: "Get a client", permission: "clients:read", params: clientParams, response: one(clientOutput) },
  updateClient: { method: "PATCH", path: "/api/v1/clients/{clientId}", tag: "Clients", summary: "Update a client (zone, business hours, holidays, teams, stakeholders)", permission: "clients:manage", params: clientParams, body: updateClientInput.omit({ clientId: true }), response: one(clientOutput) },
  deleteClient: { method: "DELETE", path: "/api/v1/clients/{clientId}", tag: "Clients", summary: "Delete a client", permission: "clients:manage", params: clientParams, status: 204 },
} as const satisfies Record<string, ApiContract>;
