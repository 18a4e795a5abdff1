import { Resend } from "resend";
import { MailSendError, type MailTransport } from "./transport";

/** Resend's API. `baseUrl` points it at a local stand-in in tests. */
export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    kind: "resend",
    async send(mail) {
      let result: Awaited<ReturnType<typeof client.emails.send>>;
      try {
        result = await client.emails.send(
          { from: mail.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text },
          { idempotencyKey: mail.idempotencyKey },
        );
      } catch (e) {
        throw new MailSendError(`Resend unreachable: ${(e as Error).message}`, true);
      }
      if (result.error || !result.data) {
        const status = (result.error as { statusCode?: number | null } | null)?.statusCode ?? undefined;
        const retryable = status === undefined || status === null || status === 429 || status >= 500;
        throw new MailSendError(`Resend refused the message: ${result.error?.message ?? "no data"}`, retryable, status ?? undefined);
      }
      return { id: result.data.id };
    },
  };
}
