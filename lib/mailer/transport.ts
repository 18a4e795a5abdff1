import type { Database } from "@/db/client";

export type RenderedMail = { to: string; from: string; subject: string; html: string; text: string; idempotencyKey: string };
export type SendResult = { id: string };

/** A send that failed. Retryable failures (network, 429, 5xx) may be tried again with the same key. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export interface MailTransport {
  readonly kind: "outbox" | "resend";
  send(mail: RenderedMail, db: Database): Promise<SendResult>;
}
