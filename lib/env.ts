import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on");
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every environment variable Baton reads; `.env.example` documents each. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: positiveInt(3000),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_DRIVER: z.enum(["pglite", "postgres", "neon"]).optional(),
  BATON_DATA_DIR: z.string().default(".data"),
  /** Test-only: a WebSocket proxy for the Neon driver, as "host:port" (see README). */
  NEON_WS_PROXY: optionalString,
  DATABASE_POOL_MAX: positiveInt(10),
  AUTH_SECRET: optionalString,
  AUTH_URL: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  SIGNIN_LIMIT_PER_ADDRESS: positiveInt(5),
  SIGNIN_LIMIT_PER_IP: positiveInt(20),
  SIGNIN_LIMIT_WINDOW_MINUTES: positiveInt(15),
  MAIL_FROM: z.string().default("Baton <baton@localhost>"),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  /** Signing secret (whsec_…) of the Resend webhook that posts received mail to /api/v1/integrations/resend. */
  RESEND_WEBHOOK_SECRET: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: optionalString,
  BATON_ADMIN_EMAILS: optionalString.transform((v) =>
    (v ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  ),
  /** Events each integration key may send per minute (steady rate), and the burst above it. */
  INGEST_RATE_LIMIT_PER_MINUTE: positiveInt(600),
  INGEST_RATE_LIMIT_BURST: positiveInt(200),
  /**
   * Seconds an app server trusts its lookup of an integration key (0: look it up on every event).
   * While > 0 the key's rate-limit bucket is kept in that server's memory; a key revoked on
   * another app server is refused here within this many seconds.
   */
  INGEST_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** The portal's public address, for links in emails sent by background work (no request to derive it from). */
  BATON_PUBLIC_URL: optionalString.pipe(z.url().optional()),
  /** The largest evidence upload kept in the database, in bytes (default 10 MiB); larger files are refused. */
  EVIDENCE_MAX_BYTES: positiveInt(10 * 1024 * 1024),
  /** How often the embedded driver looks for due escalations and notifications, in ms. */
  ESCALATION_TICK_MS: positiveInt(1000),
  /** Web push (VAPID). Without them, keys are generated once and kept in the data folder. */
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  VAPID_SUBJECT: optionalString,
  BATON_SEED_DEMO: flag.default(true),
  BATON_ALLOW_NONLOCAL_SEED: flag,
  /** Opens the dev mailbox on a database that is not local (it is open on a local one while the outbox is the transport). */
  BATON_DEV_MAILBOX: flag,
});
export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed once; a bad value stops the process with the variable's name and the reason. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export type DatabaseKind = "pglite" | "postgres" | "neon";

export function databaseKind(e: Env = env()): DatabaseKind {
  if (e.DATABASE_DRIVER) return e.DATABASE_DRIVER;
  if (!e.DATABASE_URL) return "pglite";
  const host = new URL(e.DATABASE_URL).hostname;
  return host.endsWith(".neon.tech") ? "neon" : "postgres";
}

export function workflowDriver(e: Env = env()): "local" | "inngest" {
  return e.INNGEST_EVENT_KEY || e.INNGEST_DEV ? "inngest" : "local";
}

export function mailTransportKind(e: Env = env()): "outbox" | "resend" {
  return e.RESEND_API_KEY ? "resend" : "outbox";
}

/** The embedded database (no URL) or PostgreSQL on this machine. */
export function isLocalDatabaseUrl(url: string | undefined): boolean {
  if (!url) return true;
  return ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(new URL(url).hostname);
}

/**
 * The dev mailbox (/dev/mailbox and its JSON twin) shows every sign-in link, so it needs no
 * sign-in and is open only while the outbox is the transport, on a local database — or anywhere
 * with BATON_DEV_MAILBOX=1. A server with a real database and no Resend key keeps it closed.
 */
export function devMailboxOpen(e: Env = env()): boolean {
  return mailTransportKind(e) === "outbox" && (e.BATON_DEV_MAILBOX || isLocalDatabaseUrl(e.DATABASE_URL));
}

/** Where people reach the portal: BATON_PUBLIC_URL, else AUTH_URL's origin, else localhost on PORT. */
export function publicUrl(e: Env = env()): string {
  if (e.BATON_PUBLIC_URL) return e.BATON_PUBLIC_URL.replace(/\/+$/, "");
  if (e.AUTH_URL) return new URL(e.AUTH_URL).origin;
  return `http://localhost:${e.PORT}`;
}
