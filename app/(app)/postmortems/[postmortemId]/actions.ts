"use server";

import { plainAction } from "@/lib/actions/plain-action";
import { SECTION_KEYS } from "@/lib/core/postmortems";
import { addActionItem } from "@/lib/postmortems/add-action-item";
import { addComment } from "@/lib/postmortems/add-comment";
import { deleteActionItem } from "@/lib/postmortems/delete-action-item";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { scheduleMeeting } from "@/lib/postmortems/schedule-meeting";
import { setReviewers } from "@/lib/postmortems/set-reviewers";
import { transitionPostmortem } from "@/lib/postmortems/transition-postmortem";
import { updateActionItem } from "@/lib/postmortems/update-action-item";
import { updatePostmortem } from "@/lib/postmortems/update-postmortem";
import { zonedLocalToInstant } from "./zoned-time";

const back = (form: FormData) =>
  `/postmortems/${String(form.get("postmortemId") ?? "")}`;
const str = (form: FormData, key: string) => String(form.get(key) ?? "");
const orNull = (v: string) => (v === "" ? null : v);

export const savePostmortemAction = plainAction(back, async (ctx, form) => {
  const sections: Record<string, string> = {};
  for (const key of SECTION_KEYS)
    if (form.has(key)) sections[key] = str(form, key);
  const enough = str(form, "enoughInformation");
  await updatePostmortem({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      sections,
      alertReal: orNull(str(form, "alertReal")),
      reachedRightPerson: orNull(str(form, "reachedRightPerson")),
      enoughInformation: enough === "" ? null : enough === "yes",
      informationToAdd: orNull(str(form, "informationToAdd").trim()),
    },
  });
  return `${back(form)}?saved=1#contributing_factors`;
});

export const toggleStarAction = plainAction(back, async (ctx, form) => {
  const postmortemId = str(form, "postmortemId");
  const rowId = Number(str(form, "rowId"));
  const pm = await getPostmortem(ctx, postmortemId);
  const starred = new Set((pm.content.starredTimelineIds as number[]) ?? []);
  if (starred.has(rowId)) starred.delete(rowId);
  else starred.add(rowId);
  await updatePostmortem({
    ctx,
    input: { postmortemId, starredTimelineIds: [...starred] },
  });
  return `${back(form)}#timeline`;
});

export const transitionAction = plainAction(back, async (ctx, form) => {
  const transition = str(form, "transition");
  await transitionPostmortem({
    ctx,
    input: { postmortemId: str(form, "postmortemId"), transition },
  });
  // The Approve button goes away; the page says what was approved instead.
  if (transition === "approve") return `${back(form)}?approved=1`;
});

export const reviewersAction = plainAction(back, async (ctx, form) => {
  await setReviewers({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      userIds: form.getAll("userIds").map(String),
    },
  });
  return `${back(form)}#review`;
});

export const addActionItemAction = plainAction(back, async (ctx, form) => {
  await addActionItem({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      title: str(form, "title"),
      ownerId: orNull(str(form, "ownerId")),
      dueDate: orNull(str(form, "dueDate")),
      type: str(form, "type"),
    },
  });
  return `${back(form)}#action-items`;
});

export const updateActionItemAction = plainAction(back, async (ctx, form) => {
  await updateActionItem({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      itemId: str(form, "itemId"),
      status: str(form, "status"),
    },
  });
  return `${back(form)}#action-items`;
});

export const deleteActionItemAction = plainAction(back, async (ctx, form) => {
  await deleteActionItem({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      itemId: str(form, "itemId"),
    },
  });
  return `${back(form)}#action-items`;
});

export const commentAction = plainAction(back, async (ctx, form) => {
  await addComment({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      section: str(form, "section"),
      body: str(form, "body"),
    },
  });
  return `${back(form)}#${str(form, "section")}`;
});

export const meetingAction = plainAction(back, async (ctx, form) => {
  const local = str(form, "at");
  const at = local ? zonedLocalToInstant(local, ctx.viewer.timeZone) : "";
  await scheduleMeeting({
    ctx,
    input: {
      postmortemId: str(form, "postmortemId"),
      at,
      attendeeIds: form.getAll("attendeeIds").map(String),
    },
  });
  return `${back(form)}?scheduled=1#meeting`;
});
