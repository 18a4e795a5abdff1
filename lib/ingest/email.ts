import PostalMime, { type Address } from "postal-mime";
import { decideEmail, type EmailRule } from "@/lib/core/alerts";
import { MAX_SUMMARY, type IngestEvent } from "./event-schema";

/** Raw messages above this are refused (monitoring mail is small; attachments are not kept). */
export const MAX_EMAIL_BYTES = 1024 * 1024;
const MAX_STORED_TEXT = 64 * 1024;

const mailbox = (a: Address | undefined) => (a ? ("address" in a && a.address ? (a.name ? `${a.name} <${a.address}>` : a.address) : a.name) : null);

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<\/?(b|i|u|em|strong|span|a|code|font|small|big|sup|sub)\b[^>]*>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

export type ParsedEmail = { subject: string; body: string; from: string | null; to: string[]; messageId: string | null; date: string | null; attachments: string[] };

/** An RFC 822 message through a real MIME parser (encodings, multipart, quoted-printable, RFC 2047 headers). */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: "base64" });
  const body = mail.text?.trim() || (mail.html ? htmlToText(mail.html) : "");
  return {
    subject: (mail.subject ?? "").trim(),
    body,
    from: mailbox(mail.from),
    to: (mail.to ?? []).map(mailbox).filter((x): x is string => !!x),
    messageId: mail.messageId ?? null,
    date: mail.date ?? null,
    attachments: mail.attachments.map((a) => a.filename ?? a.mimeType),
  };
}

/** The service's rules decide trigger, resolve or ignore, and the dedup key; null means "ignore". */
export function emailToIngestEvent(mail: ParsedEmail, rules: readonly EmailRule[]): { event: IngestEvent | null; rule: string | null; dedupKey: string } {
  const decision = decideEmail(rules, mail);
  if (decision.action === "ignore") return { event: null, rule: decision.rule, dedupKey: decision.dedupKey };
  return {
    rule: decision.rule,
    dedupKey: decision.dedupKey,
    event: {
      action: decision.action,
      dedupKey: decision.dedupKey,
      summary: (mail.subject || mail.body.split("\n")[0] || "Email alert").slice(0, MAX_SUMMARY),
      severity: "error",
      source: mail.from,
      customDetails: { from: mail.from, to: mail.to, messageId: mail.messageId, date: mail.date, rule: decision.rule, body: mail.body.slice(0, 4000) },
      links: [],
      images: [],
      senderName: "Email",
    },
  };
}

/** What is stored as the event's raw payload: the message itself (bounded) and what was read from it. */
export function emailPayload(raw: Buffer, mail: ParsedEmail) {
  const text = raw.toString("utf8");
  return { contentType: "message/rfc822", size: raw.byteLength, subject: mail.subject, from: mail.from, to: mail.to, messageId: mail.messageId, attachments: mail.attachments, raw: text.length > MAX_STORED_TEXT ? `${text.slice(0, MAX_STORED_TEXT)}\n…(truncated)` : text };
}
