import { z } from "zod";

export const EMAIL_ACTIONS = ["trigger", "resolve", "ignore"] as const;
export type EmailAction = (typeof EMAIL_ACTIONS)[number];

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "iu");
    return true;
  } catch {
    return false;
  }
}
const pattern = z
  .string()
  .trim()
  .max(300, "At most 300 characters")
  .refine((p) => p === "" || compiles(p), "Not a valid regular expression")
  .default("");

/**
 * One rule of a service's email integration. Both patterns (case-insensitive regexes, empty =
 * any) must match. A named group `(?<key>…)` in either one gives the dedup key, so a "RESOLVED"
 * mail finds the alert its "PROBLEM" mail opened.
 */
export const emailRuleSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(120, "At most 120 characters"),
    subject: pattern,
    body: pattern,
    action: z.enum(EMAIL_ACTIONS),
  })
  .refine((r) => r.subject !== "" || r.body !== "", { message: "Give a subject or a body pattern", path: ["subject"] });
export type EmailRule = z.output<typeof emailRuleSchema>;
export const emailRulesSchema = z.array(emailRuleSchema).max(30, "At most 30 rules");

export type EmailDecision = { action: EmailAction; dedupKey: string; rule: string | null };

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg)\s*:\s*)+/i;
const STATUS_PREFIX = /^\s*[[(]?(problem|resolved|recovery|recovered|ok|alert|firing|critical|warning)[\])]?\s*[:-]?\s*/i;

/** The subject without reply prefixes or the status word monitoring tools put first, so PROBLEM and RESOLVED mails match. */
export function normalizeSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, "").replace(STATUS_PREFIX, "").replace(/\s+/g, " ").trim().toLowerCase().slice(0, 255);
}

/**
 * Which rule applies (the first whose patterns match), what it does and the dedup key. With no
 * matching rule: a trigger keyed by the normalised subject.
 */
export function decideEmail(rules: readonly EmailRule[], mail: { subject: string; body: string }): EmailDecision {
  for (const rule of rules) {
    const s = rule.subject ? new RegExp(rule.subject, "iu").exec(mail.subject) : null;
    if (rule.subject && !s) continue;
    const b = rule.body ? new RegExp(rule.body, "iu").exec(mail.body) : null;
    if (rule.body && !b) continue;
    const key = s?.groups?.key ?? b?.groups?.key;
    return { action: rule.action, dedupKey: (key?.trim() || normalizeSubject(mail.subject) || "email").slice(0, 255), rule: rule.name };
  }
  return { action: "trigger", dedupKey: normalizeSubject(mail.subject) || "email", rule: null };
}
