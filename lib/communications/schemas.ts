import { z } from "zod";
import { CONTACT_ROLES } from "@/db/schema";
import { emailSchema, idSchema, instantTextSchema } from "@/lib/http/common-schemas";

export const CONTACT_ROLE_LABELS = { owner: "Owner", management: "Management", partner: "Partner", vendor: "Vendor", customer: "Customer", legal: "Legal" } as const;
export const CHANNELS = ["email", "phone", "sms"] as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const contactFields = z.object({
  name: z.string().trim().min(1, "Required").max(120, "At most 120 characters"),
  role: z.enum(CONTACT_ROLES, "Choose owner, management, partner, vendor, customer or legal"),
  email: z.preprocess(blankToNull, emailSchema.nullable()).default(null),
  phone: z.preprocess(blankToNull, z.string().trim().regex(/^\+?[0-9 ().-]{5,30}$/, "Enter a phone number like +1 555 0100").nullable()).default(null),
  preferredChannel: z.enum(CHANNELS, "Choose email, phone or sms").default("email"),
  whenToCall: z.string().trim().max(500, "At most 500 characters").default(""),
});
export const createContactInput = contactFields.extend({ clientId: idSchema });
export const updateContactInput = contactFields.extend({ clientId: idSchema, contactId: idSchema });

export const contactOutput = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  role: z.enum(CONTACT_ROLES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferredChannel: z.enum(CHANNELS),
  whenToCall: z.string(),
});
export type ContactOutput = z.infer<typeof contactOutput>;

export const templateFields = z.object({
  audience: z.enum(CONTACT_ROLES, "Choose owner, management, partner, vendor, customer or legal"),
  name: z.string().trim().min(1, "Required").max(120, "At most 120 characters"),
  subject: z.string().trim().min(1, "Required").max(300, "At most 300 characters"),
  body: z.string().trim().min(1, "Required").max(20_000, "At most 20000 characters"),
});
/** clientId null: a template for every client. */
export const createTemplateInput = templateFields.extend({ clientId: z.preprocess(blankToNull, idSchema.nullable()).default(null) });
export const updateTemplateInput = templateFields.extend({ templateId: idSchema });

export const templateOutput = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  audience: z.enum(CONTACT_ROLES),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  updatedAt: z.iso.datetime(),
});
export type TemplateOutput = z.infer<typeof templateOutput>;

export const stakeholderUpdateInput = z.object({
  incidentId: idSchema,
  audiences: z.array(z.enum(CONTACT_ROLES)).min(1, "Choose at least one audience").max(CONTACT_ROLES.length),
  impact: z.string().trim().max(2000, "At most 2000 characters").default(""),
  nextUpdateAt: z.preprocess(blankToNull, instantTextSchema().nullable()).default(null),
  message: z.string().trim().max(10_000, "At most 10000 characters").default(""),
});

const recipientOutput = z.object({ contactId: z.string(), name: z.string(), email: z.string() });
export const audienceMessageOutput = z.object({ audience: z.enum(CONTACT_ROLES), templateId: z.string().optional(), subject: z.string(), body: z.string(), recipients: z.array(recipientOutput) });
export type AudienceMessage = z.infer<typeof audienceMessageOutput>;

export const stakeholderUpdateOutput = z.object({
  id: z.string(),
  incidentId: z.string(),
  audiences: z.array(z.enum(CONTACT_ROLES)),
  sentAt: z.iso.datetime(),
  sentBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Stakeholders get the messages meant for them, without the recipient list. */
  messages: z.array(audienceMessageOutput.omit({ templateId: true }).extend({ recipients: z.array(recipientOutput).optional() })),
});
export type StakeholderUpdateOutput = z.infer<typeof stakeholderUpdateOutput>;
