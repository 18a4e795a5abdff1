"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { setSwapApproval } from "@/lib/teams/set-swap-approval";
import { addTeamMember, removeTeamMember, setTeamLead } from "@/lib/teams/team-members";
import { updateTeam } from "@/lib/teams/update-team";

const teamPage = (form: FormData) => `/teams/${String(form.get("teamId") ?? "")}`;
const TEAM_FORM = { arrays: ["memberIds", "leadIds"], json: ["holidays"] };

export const createTeamAction = safeAction(async (ctx, form) => {
  const team = await createTeam({ ctx, input: formInput(form, TEAM_FORM) });
  return { redirectTo: `/teams/${team.id}`, revalidate: ["/teams"] };
});

export const updateTeamAction = safeAction(async (ctx, form) => {
  const team = await updateTeam({ ctx, input: formInput(form, { json: TEAM_FORM.json }) });
  return { message: `Saved ${team.name}.`, revalidate: [`/teams/${team.id}`, "/teams"] };
});

export const addTeamMemberAction = safeAction(async (ctx, form) => {
  await addTeamMember({ ctx, input: formInput(form) });
  return { message: "Member added.", revalidate: [teamPage(form)] };
});

export const setTeamLeadAction = plainAction(teamPage, async (ctx, form) => {
  await setTeamLead({ ctx, input: formInput(form) });
});

export const removeTeamMemberAction = plainAction(teamPage, async (ctx, form) => {
  await removeTeamMember({ ctx, input: formInput(form) });
});

export const deleteTeamAction = plainAction(teamPage, async (ctx, form) => {
  await deleteTeam({ ctx, input: { teamId: form.get("teamId"), confirmName: form.get("confirmation") ?? "" } });
  return "/teams";
});

export const setSwapApprovalAction = plainAction(teamPage, async (ctx, form) => {
  await setSwapApproval({ ctx, input: formInput(form) });
});
