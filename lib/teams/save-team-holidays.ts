import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { teamHolidays } from "@/db/schema";
import type { Holiday } from "@/lib/http/common-schemas";

/** Replaces a team's whole holiday calendar (already parsed: each date once). */
export async function saveTeamHolidays(tx: Tx, teamId: string, holidays: Holiday[]): Promise<void> {
  await tx.delete(teamHolidays).where(eq(teamHolidays.teamId, teamId));
  if (holidays.length) await tx.insert(teamHolidays).values(holidays.map((h) => ({ teamId, ...h })));
}
