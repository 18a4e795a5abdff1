import type { PostmortemStatus } from "./types";

export const POSTMORTEM_TRANSITIONS = ["submit", "approve", "publish", "revise", "withdraw"] as const;
export type PostmortemTransition = (typeof POSTMORTEM_TRANSITIONS)[number];

/** Where each transition may start and where it leads. Approve keeps the state (it records a reviewer's approval). */
const RULES: Record<PostmortemTransition, { from: readonly PostmortemStatus[]; to: PostmortemStatus }> = {
  submit: { from: ["draft"], to: "in_review" },
  approve: { from: ["in_review"], to: "in_review" },
  withdraw: { from: ["in_review"], to: "draft" },
  publish: { from: ["in_review"], to: "published" },
  revise: { from: ["published"], to: "draft" },
};

export type TransitionResult = { ok: true; to: PostmortemStatus } | { ok: false; reason: string };

const LABEL: Record<PostmortemStatus, string> = { draft: "a draft", in_review: "in review", published: "published" };

/** Whether `transition` is allowed from `from`; the reason says what to do instead when it isn't. */
export function nextStatus(from: PostmortemStatus, transition: PostmortemTransition): TransitionResult {
  const rule = RULES[transition];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  const hint = from === "published" ? " Start a new revision to change it." : "";
  return { ok: false, reason: `Cannot ${transition} a post-mortem that is ${LABEL[from]}.${hint}` };
}

/** The form is editable in draft and in review; a published version is immutable. */
export function isEditable(status: PostmortemStatus): boolean {
  return status !== "published";
}

export function allowedTransitions(status: PostmortemStatus): PostmortemTransition[] {
  return POSTMORTEM_TRANSITIONS.filter((t) => nextStatus(status, t).ok);
}
