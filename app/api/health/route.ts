import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { mailTransportKind, workflowDriver } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Liveness for load balancers: no data, only which pieces are in use and that the database answers. */
export async function GET() {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", db: handle.kind, workflows: workflowDriver(), mailer: mailTransportKind() });
  } catch (e) {
    console.error("[health] database check failed", e);
    return NextResponse.json({ status: "unavailable", error: { code: "unavailable", message: "The database does not answer." } }, { status: 503 });
  }
}
