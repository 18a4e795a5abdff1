import type { InngestFunction } from "inngest";

/** Every durable function Baton serves; the paging release adds the escalation workflow here. */
export const functions: InngestFunction.Any[] = [];
