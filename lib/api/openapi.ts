import { z } from "zod";
import type { ApiContract } from "@/lib/http/api-route";
import { contracts } from "./contracts";

const errorSchema = z.object({
  error: z.object({
    code: z.enum(["unauthorized", "forbidden", "not_found", "conflict", "invalid", "rate_limited", "unavailable", "internal"]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const jsonSchema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" });

function operation(id: string, c: ApiContract) {
  const parameters = [
    ...Object.entries(c.params?.shape ?? {}).map(([name, s]) => ({ name, in: "path", required: true, schema: jsonSchema(s as z.ZodType, "input") })),
    ...Object.entries(c.query?.shape ?? {}).map(([name, s]) => ({ name, in: "query", required: !(s as z.ZodType).safeParse(undefined).success, schema: jsonSchema(s as z.ZodType, "input") })),
  ];
  const errors = Object.fromEntries(
    [
      ["400", "Invalid input: each field and the reason"],
      ["401", "Missing or invalid API token"],
      ["403", "The token's person may not do this"],
      ["404", "Not found, or not visible to this person"],
      ["409", "Conflicts with the current state"],
      ["429", "Rate limited (see Retry-After)"],
    ].map(([code, description]) => [code, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
  const status = String(c.status ?? 200);
  return {
    operationId: id,
    summary: c.summary,
    tags: [c.tag],
    ...(c.auth === "session" && { security: [{ sessionCookie: [] }] }),
    ...(c.auth === "either" && { security: [{ bearerAuth: [] }, { sessionCookie: [] }] }),
    ...(c.permission && { description: `Requires the \`${c.permission}\` permission.` }),
    parameters,
    ...(c.body && { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(c.body, "input") } } } }),
    responses: {
      [status]: c.response ? { description: "OK", content: { "application/json": { schema: jsonSchema(c.response, "output") } } } : { description: "No content" },
      ...errors,
    },
  };
}

/** OpenAPI 3.1 for REST v1, generated from the same zod schemas the handlers parse with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, c] of Object.entries(contracts) as [string, ApiContract][]) {
    paths[c.path] ??= {};
    paths[c.path]![c.method.toLowerCase()] = operation(id, c);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1.0.0",
      description:
        "REST v1. JSON with camelCase fields and ISO 8601 UTC instants. Lists are `{ data, nextCursor }` (pass `cursor` for the next page); single resources are `{ data }`; errors are `{ error: { code, message, issues? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token from Settings → API tokens or `npm run baton -- token:create`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The signed-in browser's session (`__Secure-authjs.session-token` on https); for Baton's own pages. Writes must be same-origin." },
      },
      schemas: { Error: jsonSchema(errorSchema, "output") },
    },
    paths,
  };
}
