import { z } from "zod";

/** `{ data: [...], nextCursor }`: every list. */
export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
/** `{ data }`: every single resource. */
export const one = <T extends z.ZodType>(item: T) => z.object({ data: item });
