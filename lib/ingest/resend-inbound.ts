import { Resend } from "resend";
import { z } from "zod";
import { InvalidError, UnauthorizedError } from "@/lib/errors";
import { routingKeyPrefix } from "@/lib/services/routing-key";
import { htmlToText, type ParsedEmail } from "./email";

/**
 * Resend inbound (https://resend.com/docs/dashboard/receiving/introduction): Resend receives mail
 * for your domain and POSTs an `email.received` webhook — metadata only, signed with the
 * endpoint's secret (Standard Webhooks / Svix). The body and headers are fetched from Resend's
 * Received emails API. The service is the one whose integration key is the recipient's local
 * part (`<routing key>@alerts.example.com`, or `anything+<routing key>@…`).
 */

/** Webhook metadata is small; anything bigger is not Resend's. */
export const MAX_RESEND_WEBHOOK_BYTES = 256 * 1024;
const MAX_STORED_TEXT = 64 * 1024;

const address = z.string().max(1000);
export const resendEventSchema = z.object({ type: z.string().max(100), created_at: z.string().max(100).optional(), data: z.unknown() });
export const resendReceivedSchema = z.object({
  email_id: z.string().min(1).max(200),
  from: address.nullish(),
  to: z.array(address).max(100).nullish(),
  cc: z.array(address).max(100).nullish(),
  received_for: z.array(address).max(100).nullish(),
  subject: z.string().max(10_000).nullish(),
});
export type ResendReceived = z.infer<typeof resendReceivedSchema>;

function client(apiKey: string, baseUrl?: string): Resend {
  return new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
}

/** The webhook's JSON once its signature verifies (svix-* or webhook-* headers); 401 otherwise. */
export function verifyResendWebhook(body: string, headers: Headers, secret: string, apiKey: string): unknown {
  const header = (name: string) => headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`);
  const [id, timestamp, signature] = [header("id"), header("timestamp"), header("signature")];
  if (!id || !timestamp || !signature) throw new UnauthorizedError("Send Resend's webhook signature headers (svix-id, svix-timestamp, svix-signature).");
  try {
    return client(apiKey).webhooks.verify({ payload: body, headers: { id, timestamp, signature }, webhookSecret: secret });
  } catch {
    throw new UnauthorizedError("The webhook signature does not verify with RESEND_WEBHOOK_SECRET (or its timestamp is more than 5 minutes off).");
  }
}

/** Routing keys named by the recipients, in order, each once: `<key>@…` or `…+<key>@…`. */
export function routingKeysOf(received: ResendReceived): string[] {
  const keys: string[] = [];
  for (const raw of [...(received.received_for ?? []), ...(received.to ?? []), ...(received.cc ?? [])]) {
    const mailbox = (/<([^>]+)>/.exec(raw)?.[1] ?? raw).trim().toLowerCase();
    const local = mailbox.split("@")[0] ?? "";
    const key = local.includes("+") ? local.slice(local.lastIndexOf("+") + 1) : local;
    if (routingKeyPrefix(key) && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** The received email's content from Resend's API, as the email rules read it, and what is stored of it. */
export async function fetchReceivedEmail(emailId: string, opts: { apiKey: string; baseUrl?: string }): Promise<{ mail: ParsedEmail; raw: Record<string, unknown> }> {
  let result: Awaited<ReturnType<Resend["emails"]["receiving"]["get"]>>;
  try {
    result = await client(opts.apiKey, opts.baseUrl).emails.receiving.get(emailId);
  } catch (e) {
    throw new Error(`Resend unreachable: ${(e as Error).message}`);
  }
  if (result.error || !result.data) {
    const status = (result.error as { statusCode?: number | null } | null)?.statusCode;
    if (status === 404) throw InvalidError.field("data.email_id", "Resend has no received email with this id");
    throw new Error(`Resend refused the request (${status ?? "no status"}): ${result.error?.message ?? "no data"}`);
  }
  const e = result.data;
  const body = e.text?.trim() || (e.html ? htmlToText(e.html) : "");
  const mail: ParsedEmail = {
    subject: (e.subject ?? "").trim(),
    body,
    from: e.from ?? null,
    to: e.to ?? [],
    messageId: e.message_id ?? null,
    date: e.created_at ?? null,
    attachments: (e.attachments ?? []).map((a) => a.filename ?? a.content_type),
  };
  const raw = {
    contentType: "application/json",
    via: "resend",
    emailId,
    subject: mail.subject,
    from: mail.from,
    to: mail.to,
    messageId: mail.messageId,
    attachments: mail.attachments,
    text: body.length > MAX_STORED_TEXT ? `${body.slice(0, MAX_STORED_TEXT)}\n…(truncated)` : body,
  };
  return { mail, raw };
}
