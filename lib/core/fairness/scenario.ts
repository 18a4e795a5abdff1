import { z } from "zod";
import { isValidTimeZone } from "../time-zone";
import { isIsoDate } from "../time/civil-date";
import { isLocalTime } from "../time/local-time";

/**
 * A fairness scenario (`shared/scenarios/*.json`): a team's horizon of on-call with the pages
 * that will happen. The same shape feeds the benchmark and the generator's tests.
 */

const isoDate = z.string().refine(isIsoDate, "Use a date as YYYY-MM-DD");
const localTime = z.string().refine((v) => isLocalTime(v), "Use HH:MM (24-hour)");
const timeZone = z.string().refine(isValidTimeZone, "Unknown IANA time zone");
const isoInstant = z.iso.datetime({ offset: true });

export const scenarioShiftSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), handoffWeekday: z.number().int().min(1).max(7), handoffTime: localTime }),
  z.object({ kind: z.literal("daily"), handoffTime: localTime }),
]);

export const scenarioMemberSchema = z.object({
  id: z.string().min(1),
  timeZone,
  carriedBurden: z.number().finite().default(0),
  /** Burden the member is owed (+) or owes (−) from covers not already in carriedBurden; the generator repays it. Not part of the metrics. */
  ledgerBalance: z.number().finite().optional(),
  timeOff: z
    .array(z.object({ from: isoDate, to: isoDate }).refine((r) => r.from <= r.to, "Time off ends before it starts"))
    .default([]),
});

export const scenarioPageSchema = z.object({
  at: isoInstant,
  priority: z.string().optional(),
});

export const fairnessScenarioSchema = z
  .object({
    name: z.string().default("scenario"),
    timeZone,
    start: isoDate,
    weeks: z.number().int().min(1).max(260),
    shift: scenarioShiftSchema,
    noticeDays: z.number().int().min(0).max(365),
    holidays: z.array(isoDate).default([]),
    members: z.array(scenarioMemberSchema).min(1),
    pages: z.array(scenarioPageSchema).default([]),
  })
  .refine((s) => new Set(s.members.map((m) => m.id)).size === s.members.length, { message: "Member ids must be unique", path: ["members"] });

export type FairnessScenario = z.infer<typeof fairnessScenarioSchema>;
export type ScenarioMember = FairnessScenario["members"][number];
export type ScenarioShift = FairnessScenario["shift"];

/** Parses untrusted JSON into a scenario; throws a ZodError listing what is wrong. */
export function parseFairnessScenario(input: unknown): FairnessScenario {
  return fairnessScenarioSchema.parse(input);
}
