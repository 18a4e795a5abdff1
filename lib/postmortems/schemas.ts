import { z } from "zod";
import { ACTION_ITEM_TYPES, POSTMORTEM_STATUSES } from "@/db/schema";
import { ACTION_ITEM_STATUSES, ALERT_REAL, COMMENT_SECTIONS, POSTMORTEM_TRANSITIONS, REACHED_RIGHT_PERSON, SECTION_KEYS } from "@/lib/core/postmortems";
import { idSchema, instantTextSchema, isoDateSchema } from "@/lib/http/common-schemas";

export const postmortemIdInput = z.object({ postmortemId: idSchema });

const sectionText = z.string().max(20_000, "At most 20000 characters");
export const updatePostmortemInput = z
  .object({
    postmortemId: idSchema,
    sections: z.partialRecord(z.enum(SECTION_KEYS), sectionText).optional(),
    alertReal: z.enum(ALERT_REAL).nullable().optional(),
    reachedRightPerson: z.enum(REACHED_RIGHT_PERSON).nullable().optional(),
    enoughInformation: z.boolean().nullable().optional(),
    informationToAdd: z.string().trim().max(4000, "At most 4000 characters").nullable().optional(),
    starredTimelineIds: z.array(z.number().int().nonnegative()).max(2000).optional(),
  })
  .strict();

export const transitionInput = z.object({ postmortemId: idSchema, transition: z.enum(POSTMORTEM_TRANSITIONS) });

export const reviewersInput = z.object({ postmortemId: idSchema, userIds: z.array(idSchema).max(50, "At most 50 reviewers") });

const actionItemFields = {
  title: z.string().trim().min(1, "Required").max(300, "At most 300 characters"),
  ownerId: idSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  type: z.enum(ACTION_ITEM_TYPES),
};
export const addActionItemInput = z.object({ postmortemId: idSchema, ...actionItemFields });
export const updateActionItemInput = z.object({ postmortemId: idSchema, itemId: idSchema, ...actionItemFields, title: actionItemFields.title.optional(), type: actionItemFields.type.optional() });
export const deleteActionItemInput = z.object({ postmortemId: idSchema, itemId: idSchema });

export const addCommentInput = z.object({ postmortemId: idSchema, section: z.enum(COMMENT_SECTIONS), body: z.string().trim().min(1, "Required").max(4000, "At most 4000 characters") });

export const scheduleMeetingInput = z.object({ postmortemId: idSchema, at: instantTextSchema("Use an ISO 8601 instant, e.g. 2026-11-25T15:00:00Z"), attendeeIds: z.array(idSchema).min(1, "Choose at least one attendee").max(50) });

const person = z.object({ id: z.string(), name: z.string() });
const actionItemOutput = z.object({ id: z.string(), title: z.string(), owner: person.nullable(), dueDate: z.string().nullable(), status: z.enum(ACTION_ITEM_STATUSES), type: z.enum(ACTION_ITEM_TYPES), overdue: z.boolean() });
export type ActionItemOutput = z.infer<typeof actionItemOutput>;
const commentOutput = z.object({ id: z.string(), section: z.string(), author: person.nullable(), body: z.string(), at: z.iso.datetime() });
const blameHintOutput = z.object({ start: z.number(), end: z.number(), sentence: z.string(), names: z.array(z.string()), suggestion: z.string() });

export const postmortemSummaryOutput = z.object({
  id: z.string(),
  incident: z.object({ id: z.string(), number: z.number(), title: z.string(), resolvedAt: z.string().nullable() }),
  client: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(POSTMORTEM_STATUSES),
  revision: z.number().int(),
  meetingAt: z.iso.datetime().nullable(),
  meetingOverdue: z.enum(["unscheduled", "not_held"]).nullable(),
  overdueActionItems: z.number().int(),
  updatedAt: z.iso.datetime(),
  /** In review, the viewer is one of its reviewers and has not approved yet. */
  awaitingMyReview: z.boolean(),
});
export type PostmortemSummaryOutput = z.infer<typeof postmortemSummaryOutput>;

export const postmortemOutput = postmortemSummaryOutput.extend({
  /** What the viewer may read: the working copy for the MSP's people, the latest published revision for stakeholders. */
  content: z.record(z.string(), z.unknown()),
  actionItems: z.array(actionItemOutput),
  reviewers: z.array(person.extend({ approvedAt: z.iso.datetime().nullable() })),
  comments: z.array(commentOutput),
  blameHints: z.array(blameHintOutput),
  allowedTransitions: z.array(z.enum(POSTMORTEM_TRANSITIONS)),
  meetingAttendees: z.array(person),
  publishedAt: z.iso.datetime().nullable(),
});
export type PostmortemOutput = z.infer<typeof postmortemOutput>;

export const postmortemListQuery = z.object({
  status: z.enum(POSTMORTEM_STATUSES).optional(),
  /** `true`: only those waiting for the viewer's review (in review, not approved by them yet); `false`: the others. */
  awaitingMyReview: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
