import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/api-route";
import { NotFoundError } from "@/lib/errors";

/**
 * Any /api/v1 path no route answers: the API's JSON 404 (not the site's HTML page), naming the
 * method and path and where the routes are listed. It reads and writes nothing.
 */
function noSuchRoute(req: NextRequest) {
  // "The API route GET /api/v1/… was not found." — the routes are listed at /api/v1/openapi.json.
  return errorResponse(new NotFoundError(`The API route ${req.method} ${req.nextUrl.pathname} (see /api/v1/openapi.json)`));
}

export const GET = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
