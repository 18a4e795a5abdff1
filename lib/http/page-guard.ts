import { forbidden, notFound } from "next/navigation";
import { BatonError } from "@/lib/errors";

/** For server-rendered pages: a forbidden use case renders the 403 page, a missing one the 404 page. */
export async function orInterrupt<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof BatonError && e.code === "forbidden") forbidden();
    if (e instanceof BatonError && e.code === "not_found") notFound();
    throw e;
  }
}
