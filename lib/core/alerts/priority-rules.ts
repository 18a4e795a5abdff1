import { z } from "zod";

/** PagerDuty Events v2 severities, most severe first. */
export const SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Baton's priorities: high pages now; medium and low wait for business hours. */
export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_PRIORITY: Record<Severity, Priority> = { critical: "high", error: "high", warning: "medium", info: "low" };

/** What a rule can look at. "detail" reads a value of custom_details by a dotted path. */
export const RULE_FIELDS = ["severity", "summary", "source", "component", "group", "class", "detail"] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_OPS = ["equals", "contains", "regex"] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export const RULE_FIELD_LABELS: Record<RuleField, string> = {
  severity: "Severity",
  summary: "Summary",
  source: "Source",
  component: "Component",
  group: "Group",
  class: "Class",
  detail: "Custom detail",
};
export const RULE_OP_LABELS: Record<RuleOp, string> = { equals: "is", contains: "contains", regex: "matches regex" };

const MAX_PATTERN = 300;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "iu");
    return true;
  } catch {
    return false;
  }
}

export const ruleConditionSchema = z
  .object({
    field: z.enum(RULE_FIELDS),
    op: z.enum(RULE_OPS),
    value: z.string().trim().min(1, "Required").max(MAX_PATTERN, `At most ${MAX_PATTERN} characters`),
    /** For field "detail": the key in custom_details, dotted for nested objects ("disk.mount"). */
    path: z.string().trim().max(200, "At most 200 characters").regex(/^[^.\s][^\s]*$|^$/, "A key, dotted for nested values (disk.mount)").default(""),
  })
  .superRefine((c, ctx) => {
    if (c.op === "regex" && !compiles(c.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "Not a valid regular expression" });
    if (c.field === "detail" && !c.path) ctx.addIssue({ code: "custom", path: ["path"], message: "Name the custom detail's key" });
    if (c.field === "severity" && c.op === "equals" && !(SEVERITIES as readonly string[]).includes(c.value.toLowerCase())) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `One of ${SEVERITIES.join(", ")}` });
    }
  });
export type RuleCondition = z.output<typeof ruleConditionSchema>;

export const priorityRuleSchema = z.object({
  id: z.string().trim().max(64).optional(),
  name: z.string().trim().min(1, "Required").max(120, "At most 120 characters"),
  conditions: z.array(ruleConditionSchema).min(1, "Add at least one condition").max(10, "At most 10 conditions"),
  priority: z.enum(PRIORITIES),
});
export type PriorityRule = z.output<typeof priorityRuleSchema>;
export const priorityRulesSchema = z.array(priorityRuleSchema).max(50, "At most 50 rules");

/** The facts of an alert that rules can match (PagerDuty payload names). */
export type AlertFacts = {
  severity: Severity;
  summary: string;
  source?: string | null;
  component?: string | null;
  group?: string | null;
  class?: string | null;
  customDetails?: unknown;
};

export type RuleScope = "service" | "client";
export type RuleSet = { scope: RuleScope; rules: readonly (PriorityRule & { id?: string })[] };
export type PriorityDecision = {
  priority: Priority;
  /** The rule that decided, or null for the default mapping. */
  rule: { scope: RuleScope; id: string | null; name: string; position: number } | null;
};

function detailValue(details: unknown, path: string): string | null {
  let cur: unknown = details;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur) || !Object.hasOwn(cur, key)) return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur === null || cur === undefined) return null;
  return typeof cur === "string" ? cur : JSON.stringify(cur);
}

function fieldValue(facts: AlertFacts, c: RuleCondition): string | null {
  if (c.field === "detail") return detailValue(facts.customDetails, c.path);
  const v = facts[c.field];
  return v === undefined || v === null ? null : String(v);
}

const regexCache = new Map<string, RegExp | null>();
function regexOf(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, compiles(pattern) ? new RegExp(pattern, "iu") : null);
  }
  return regexCache.get(pattern)!;
}

/** Case-insensitive; a missing field matches nothing. */
export function conditionMatches(facts: AlertFacts, c: RuleCondition): boolean {
  const value = fieldValue(facts, c);
  if (value === null) return false;
  switch (c.op) {
    case "equals":
      return value.toLowerCase() === c.value.toLowerCase();
    case "contains":
      return value.toLowerCase().includes(c.value.toLowerCase());
    case "regex":
      return regexOf(c.value)?.test(value) ?? false;
  }
}

export function ruleMatches(facts: AlertFacts, rule: Pick<PriorityRule, "conditions">): boolean {
  return rule.conditions.every((c) => conditionMatches(facts, c));
}

/**
 * The alert's priority: the first matching rule of the service's list, then of the client's,
 * else the default mapping (critical/error → high, warning → medium, info → low).
 */
export function decidePriority(facts: AlertFacts, ruleSets: readonly RuleSet[]): PriorityDecision {
  for (const set of ruleSets) {
    const position = set.rules.findIndex((r) => ruleMatches(facts, r));
    if (position >= 0) {
      const rule = set.rules[position]!;
      return { priority: rule.priority, rule: { scope: set.scope, id: rule.id ?? null, name: rule.name, position: position + 1 } };
    }
  }
  return { priority: DEFAULT_PRIORITY[facts.severity], rule: null };
}

/** "Default: warning → medium" or "Service rule 2 “Backups”: low". */
export function describePriorityDecision(d: PriorityDecision, severity: Severity): string {
  if (!d.rule) return `Default mapping: ${severity} → ${d.priority}`;
  return `${d.rule.scope === "service" ? "Service" : "Client"} rule ${d.rule.position} “${d.rule.name}” → ${d.priority}`;
}
