import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { loadViewer, type Viewer } from "@/lib/access/viewer";
import type { Ctx } from "@/lib/context";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { auth } from "./config";

/** The signed-in person for this request, or null. Disabled people have no viewer. */
export const getSessionViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(await getDb(), userId, "session");
});

/** For pages and server actions: the context of the signed-in person, or a redirect to sign-in. */
export const requireSessionCtx = cache(async (): Promise<Ctx> => {
  const viewer = await getSessionViewer();
  if (!viewer) redirect("/signin");
  return { db: await getDb(), viewer, meta: requestMetaFromHeaders(await headers()), now: new Date() };
});

/** The origin the person is using (any host or PORT works). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
