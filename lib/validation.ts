import type { z } from "zod";
import { InvalidError } from "@/lib/errors";

/** Parses outside input with its zod schema; failure is an InvalidError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw InvalidError.fromZod(result.error);
  return result.data;
}
