export type PostmortemStatus = "draft" | "in_review" | "published";

/** The form's free-text sections, in the order the form and the exports show them. */
export const SECTIONS = [
  { key: "summary", label: "Summary", group: "Summary" },
  { key: "impact_systems", label: "Systems affected", group: "Impact" },
  { key: "impact_users", label: "Users affected", group: "Impact" },
  { key: "impact_duration", label: "Duration", group: "Impact" },
  { key: "first_detected", label: "When was it first detected?", group: "What happened" },
  { key: "detected_by", label: "Who (or what) detected it?", group: "What happened" },
  { key: "reported_by", label: "Who reported it?", group: "What happened" },
  { key: "reported_to", label: "To whom was it reported?", group: "What happened" },
  { key: "containment", label: "How was it contained?", group: "What happened" },
  { key: "went_well", label: "What went well?", group: "Review" },
  { key: "must_improve", label: "What must improve?", group: "Review" },
  { key: "prevention", label: "Which changes would prevent it?", group: "Review" },
  { key: "training", label: "Which training or awareness items follow?", group: "Review" },
  { key: "contributing_factors", label: "Contributing factors", group: "Analysis" },
  { key: "lessons_learned", label: "Lessons learned", group: "Analysis" },
] as const;
export type SectionKey = (typeof SECTIONS)[number]["key"];
export const SECTION_KEYS = SECTIONS.map((s) => s.key) as [SectionKey, ...SectionKey[]];
/** Comments may also be on the alerting review, the timeline and the action items. */
export const COMMENT_SECTIONS = [...SECTION_KEYS, "alerting_review", "timeline", "action_items", "general"] as const;

export const ALERT_REAL = ["real", "could_wait", "no_issue"] as const;
export const REACHED_RIGHT_PERSON = ["yes", "missed", "unable_to_handle"] as const;
export const ALERT_REAL_LABELS: Record<(typeof ALERT_REAL)[number], string> = { real: "Real: it needed action now", could_wait: "Real, but it could have waited", no_issue: "No issue (false alarm)" };
export const REACHED_LABELS: Record<(typeof REACHED_RIGHT_PERSON)[number], string> = { yes: "Yes", missed: "No: the right person was missed", unable_to_handle: "No: it reached someone unable to handle it" };

export const ACTION_ITEM_TYPE_LABELS = { fix: "Fix", prevent: "Prevent", detect: "Detect", mitigate: "Mitigate", training: "Training / awareness", update_plan: "Update the response plan, procedure or checklist" } as const;
export type ActionItemTypeKey = keyof typeof ACTION_ITEM_TYPE_LABELS;
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done"] as const;

export type FactsTimelineRow = { id: number; at: string; kind: string; actor: string; message: string; internal: boolean };
export type FactsNotification = { person: string; channel: string; state: string; at: string; level: number };
export type Facts = {
  incident: { id: string; number: number; title: string; priority: string; triggeredAt: string; acknowledgedAt: string | null; resolvedAt: string | null };
  client: { id: string; name: string };
  service: { id: string; name: string };
  timeToAcknowledgeSeconds: number | null;
  timeToResolveSeconds: number | null;
  timeline: FactsTimelineRow[];
  notifications: FactsNotification[];
  responders: { id: string; name: string }[];
};

export type AlertingReview = { alertReal: (typeof ALERT_REAL)[number] | null; reachedRightPerson: (typeof REACHED_RIGHT_PERSON)[number] | null; enoughInformation: boolean | null; informationToAdd: string | null };
export type ActionItemContent = { title: string; owner: string | null; dueDate: string | null; status: (typeof ACTION_ITEM_STATUSES)[number]; type: ActionItemTypeKey };

/** What a published revision freezes, and what the Markdown export renders. */
export type PostmortemContent = {
  revision: number;
  status: PostmortemStatus;
  facts: Facts;
  starredTimelineIds: number[];
  sections: Partial<Record<SectionKey, string>>;
  alerting: AlertingReview;
  actionItems: ActionItemContent[];
  meeting: { at: string | null; attendees: string[] };
  publishedAt: string | null;
};
