import { NextResponse, type NextRequest } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** Public on purpose: the API's shape is not a secret; every operation still needs a token. */
export function GET(req: NextRequest) {
  return NextResponse.json(buildOpenApiDocument(req.nextUrl.origin));
}
