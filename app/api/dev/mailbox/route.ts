import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/http/api-route";
import { readMailbox } from "@/lib/mailer/read-mailbox";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { devMailboxOpen } from "@/lib/env";

const query = z.object({ to: z.string().trim().toLowerCase().max(254).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The local outbox, for development and tests. Exists only while the outbox is the mail transport. */
export async function GET(req: NextRequest) {
  if (!devMailboxOpen()) return errorResponse(new NotFoundError("Mailbox"));
  const parsed = query.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return errorResponse(InvalidError.fromZod(parsed.error, ["query"]));
  const data = await readMailbox(await getDb(), parsed.data);
  return NextResponse.json({ data: data.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) });
}
