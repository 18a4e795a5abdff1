import { z } from "zod";
import { idSchema, instantTextSchema } from "@/lib/http/common-schemas";

export const sha256Schema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 hexadecimal characters");

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** What the collector says about the evidence; the bytes (if any) travel beside it. */
export const registerEvidenceInput = z.object({
  incidentId: idSchema,
  name: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
  description: text(4000).default(""),
  location: text(500).default(""),
  method: text(1000).default(""),
  collectedAt: z.preprocess((v) => (v === "" ? undefined : v), instantTextSchema().optional()),
  /** Who holds it after collection: the first custody row's "to" (defaults to the location). */
  heldBy: z.preprocess((v) => (v === "" ? undefined : v), text(200).optional()),
  /** For evidence kept elsewhere; with an upload it is computed (and, if also given, must match). */
  sha256: z.preprocess((v) => (v === "" ? undefined : v), sha256Schema.optional()),
});
export type RegisterEvidenceInput = z.input<typeof registerEvidenceInput>;

export const recordHandoverInput = z.object({
  incidentId: idSchema,
  evidenceId: idSchema,
  /** Defaults to whoever held it last. */
  from: z.preprocess((v) => (v === "" ? undefined : v), text(200).optional()),
  to: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
  purpose: text(1000).default(""),
  at: z.preprocess((v) => (v === "" ? undefined : v), instantTextSchema().optional()),
});

export const custodyOutput = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  purpose: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CustodyOutput = z.infer<typeof custodyOutput>;

export const evidenceOutput = z.object({
  id: z.string(),
  incidentId: z.string(),
  name: z.string(),
  description: z.string(),
  location: z.string(),
  method: z.string(),
  collectedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  collectedAt: z.iso.datetime(),
  sha256: z.string(),
  size: z.number().int().nullable(),
  contentType: z.string().nullable(),
  /** True when the bytes are stored in Baton (downloadable); false for evidence kept elsewhere. */
  stored: z.boolean(),
  createdAt: z.iso.datetime(),
  custody: z.array(custodyOutput),
});
export type EvidenceOutput = z.infer<typeof evidenceOutput>;
