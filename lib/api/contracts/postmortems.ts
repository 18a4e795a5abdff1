import { z } from "zod";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { alertingReviewOutput, alertingReviewQuery } from "@/lib/postmortems/count-alerting-review";
import { addActionItemInput, addCommentInput, postmortemListQuery, postmortemOutput, postmortemSummaryOutput, reviewersInput, scheduleMeetingInput, updateActionItemInput, updatePostmortemInput } from "@/lib/postmortems/schemas";
import { list, one } from "./shapes";

const pmParams = z.object({ postmortemId: idSchema });
const itemParams = z.object({ postmortemId: idSchema, itemId: idSchema });
const tag = "Post-mortems";
const transition = (verb: "submit" | "approve" | "publish" | "revise" | "withdraw", summary: string) =>
  ({ method: "POST", path: `/api/v1/postmortems/{postmortemId}/${verb}`, tag, summary, permission: verb === "approve" ? "incidents:read" : "incidents:respond", params: pmParams, response: one(postmortemOutput) }) as const;

/**
 * Post-mortems: drafted when an incident resolves; draft → in review → published (immutable
 * revisions). Stakeholders read the latest published revision of their clients' incidents only.
 */
export const postmortemContracts = {
  listPostmortems: { method: "GET", path: "/api/v1/postmortems", tag, summary: "List post-mortems in your scope (stakeholders: published ones of their clients, and those in review they are asked to review)", permission: "incidents:read", query: postmortemListQuery, response: list(postmortemSummaryOutput) },
  countPostmortemAlertingReview: {
    method: "GET",
    path: "/api/v1/postmortems/alerting-review",
    tag,
    summary: "Count the alerting review's answers: false alarms, could have waited, wrong person (missed / unable to handle), not enough information",
    permission: "incidents:read-internal",
    query: alertingReviewQuery,
    response: one(alertingReviewOutput),
  },
  getPostmortem: { method: "GET", path: "/api/v1/postmortems/{postmortemId}", tag, summary: "Get a post-mortem: facts, sections, alerting review, action items, reviewers, comments, blameless hints", permission: "incidents:read", params: pmParams, response: one(postmortemOutput) },
  updatePostmortem: {
    method: "PATCH",
    path: "/api/v1/postmortems/{postmortemId}",
    tag,
    summary: "Save the form while a draft or in review (published: 409, start a revision with POST …/revise)",
    permission: "incidents:respond",
    params: pmParams,
    body: updatePostmortemInput.omit({ postmortemId: true }),
    response: one(postmortemOutput),
  },
  submitPostmortem: transition("submit", "Submit a draft for review"),
  approvePostmortem: transition("approve", "Approve as one of its reviewers"),
  withdrawPostmortem: transition("withdraw", "Take a post-mortem in review back to draft"),
  publishPostmortem: transition("publish", "Publish (every reviewer approved): freezes a new immutable revision"),
  revisePostmortem: transition("revise", "Start a new draft revision of a published post-mortem (the published one stays readable)"),
  setPostmortemReviewers: { method: "POST", path: "/api/v1/postmortems/{postmortemId}/reviewers", tag, summary: "Replace the reviewers (participants, the team, the client's stakeholders)", permission: "incidents:respond", params: pmParams, body: reviewersInput.omit({ postmortemId: true }), response: one(postmortemOutput) },
  addPostmortemActionItem: { method: "POST", path: "/api/v1/postmortems/{postmortemId}/action-items", tag, summary: "Add an action item (owner, due date, status, type)", permission: "incidents:respond", params: pmParams, body: addActionItemInput.omit({ postmortemId: true }), response: one(postmortemOutput), status: 201 },
  updatePostmortemActionItem: { method: "PATCH", path: "/api/v1/postmortems/{postmortemId}/action-items/{itemId}", tag, summary: "Change an action item", permission: "incidents:respond", params: itemParams, body: updateActionItemInput.omit({ postmortemId: true, itemId: true }), response: one(postmortemOutput) },
  deletePostmortemActionItem: { method: "DELETE", path: "/api/v1/postmortems/{postmortemId}/action-items/{itemId}", tag, summary: "Remove an action item", permission: "incidents:respond", params: itemParams, response: one(postmortemOutput) },
  addPostmortemComment: { method: "POST", path: "/api/v1/postmortems/{postmortemId}/comments", tag, summary: "Comment on a section (responders and reviewers, before publication)", permission: "incidents:read", params: pmParams, body: addCommentInput.omit({ postmortemId: true }), response: one(postmortemOutput), status: 201 },
  schedulePostmortemMeeting: { method: "POST", path: "/api/v1/postmortems/{postmortemId}/meeting", tag, summary: "Schedule the after-action meeting within 14 days of resolution; emails each attendee an invitation with the .ics link", permission: "incidents:respond", params: pmParams, body: scheduleMeetingInput.omit({ postmortemId: true }), response: one(postmortemOutput) },
  getPostmortemMarkdown: { method: "GET", path: "/api/v1/postmortems/{postmortemId}/markdown", tag, summary: "The post-mortem as Markdown (text/markdown)", permission: "incidents:read", params: pmParams },
} as const satisfies Record<string, ApiContract>;
