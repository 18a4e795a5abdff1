import { z } from "zod";
import { MAX_DELAY_MINUTES, MAX_LEVELS, MAX_REPEAT, STOP_CONDITIONS } from "@/lib/core/escalation";
import { emailSchema, idSchema, nameSchema } from "@/lib/http/common-schemas";

export const MAX_TARGETS_PER_LEVEL = 20;
export const MAX_FAILOVER_CONTACTS = 20;

const minutes = z
  .number({ message: "Enter whole minutes" })
  .int("Whole minutes")
  .min(0, "0 or more")
  .max(MAX_DELAY_MINUTES, `At most ${MAX_DELAY_MINUTES} minutes (a day)`);

export const targetSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("user"), id: idSchema }),
    z.object({ type: z.literal("schedule"), id: idSchema }),
    z.object({ type: z.literal("team"), id: idSchema, scope: z.enum(["all", "leads"], { message: "Everyone (all) or leads only (leads)" }) }),
  ],
  { message: "A target is a user, schedule or team" },
);

const sameTarget = (a: z.infer<typeof targetSchema>, b: z.infer<typeof targetSchema>) => a.type === b.type && a.id === b.id && (a.type !== "team" || b.type !== "team" || a.scope === b.scope);

export const levelSchema = z.object({
  delayMinutes: minutes,
  targets: z
    .array(targetSchema)
    .min(1, "Add at least one person, schedule or team")
    .max(MAX_TARGETS_PER_LEVEL, `At most ${MAX_TARGETS_PER_LEVEL} targets per level`)
    .superRefine((targets, ctx) => {
      targets.forEach((t, i) => {
        if (targets.findIndex((o) => sameTarget(o, t)) < i) ctx.addIssue({ code: "custom", message: "Already in this level", path: [i, "id"] });
      });
    }),
});

const levels = z.array(levelSchema).min(1, "Add at least one level").max(MAX_LEVELS, `At most ${MAX_LEVELS} levels`);
const repeat = z.number({ message: "A whole number from 0 to 9" }).int("A whole number from 0 to 9").min(0, "0 or more").max(MAX_REPEAT, `At most ${MAX_REPEAT}`);
const stopOn = z.enum(STOP_CONDITIONS, { message: "read or acknowledged" });
const description = z.string().trim().max(500, "At most 500 characters");

export const failoverSchema = z.object({
  /** The incident team's leads. */
  leads: z.boolean(),
  userIds: z
    .array(idSchema)
    .max(MAX_FAILOVER_CONTACTS, `At most ${MAX_FAILOVER_CONTACTS} people`)
    .refine((ids) => new Set(ids).size === ids.length, "Each person once"),
  emails: z
    .array(emailSchema)
    .max(MAX_FAILOVER_CONTACTS, `At most ${MAX_FAILOVER_CONTACTS} addresses`)
    .refine((emails) => new Set(emails).size === emails.length, "Each address once"),
});

export const createPolicyInput = z.object({
  name: nameSchema,
  description: description.default(""),
  levels,
  repeat: repeat.default(0),
  stopOn: stopOn.default("acknowledged"),
  failover: failoverSchema.default({ leads: true, userIds: [], emails: [] }),
});
export type CreatePolicyInput = z.infer<typeof createPolicyInput>;

/** A PATCH: only the fields sent change; `levels` and `failover` are replaced whole. */
export const updatePolicyInput = z.object({
  policyId: idSchema,
  name: nameSchema.optional(),
  description: description.optional(),
  levels: levels.optional(),
  repeat: repeat.optional(),
  stopOn: stopOn.optional(),
  failover: failoverSchema.optional(),
});
export const deletePolicyInput = z.object({ policyId: idSchema });

const ref = z.object({ id: z.string(), name: z.string() });
export const namedTargetOutput = z.object({ type: z.enum(["user", "schedule", "team"]), id: z.string(), scope: z.enum(["all", "leads"]).optional(), name: z.string() });

export const policyOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  levels: z.array(z.object({ delayMinutes: z.number().int(), targets: z.array(namedTargetOutput) })),
  repeat: z.number().int(),
  stopOn: z.enum(STOP_CONDITIONS),
  failover: z.object({ leads: z.boolean(), userIds: z.array(z.string()), emails: z.array(z.string()), users: z.array(ref) }),
  /** The services that page with it (those the viewer may see). */
  services: z.array(ref),
  /** The policy as a timeline, one line per step ("0 min: on-call of Service Desk 24/7"). */
  timeline: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PolicyOutput = z.infer<typeof policyOutput>;
