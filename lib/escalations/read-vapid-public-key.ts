import type { Ctx } from "@/lib/context";
import { vapidKeys } from "./vapid";

/** The application server key browsers subscribe with (public by design; the private half never leaves the server). */
export async function readVapidPublicKey(_ctx: Ctx): Promise<{ publicKey: string }> {
  return { publicKey: vapidKeys().publicKey };
}
