import { InvalidError } from "@/lib/errors";
import { emailPayload, emailToIngestEvent, MAX_EMAIL_BYTES, parseEmail } from "@/lib/ingest/email";
import { integrationRoute } from "@/lib/ingest/integration-route";

/** A raw RFC 822 message (Content-Type: message/rfc822) forwarded by a mail server; the service's rules decide. */
export const POST = integrationRoute("email", { maxBytes: MAX_EMAIL_BYTES }, async (body, target, req) => {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "message/rfc822" && type !== "text/plain" && type !== "application/octet-stream") {
    throw InvalidError.field("content-type", "Send the raw message as message/rfc822");
  }
  if (body.length === 0) throw InvalidError.field("body", "Send the raw message (RFC 822)");
  const mail = await parseEmail(body).catch(() => {
    throw InvalidError.field("body", "Not a readable RFC 822 message");
  });
  if (!mail.subject && !mail.body) throw InvalidError.field("body", "The message has neither a subject nor a body");
  const { event, dedupKey } = emailToIngestEvent(mail, target.emailRules);
  return { event, raw: emailPayload(body, mail), dedupKey };
});
