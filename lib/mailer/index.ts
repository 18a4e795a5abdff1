import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { Database } from "@/db/client";
import { env, mailTransportKind } from "@/lib/env";
import { outboxTransport } from "./outbox-transport";
import { resendTransport } from "./resend-transport";
import type { MailTransport, SendResult } from "./transport";

export type Mail = {
  to: string;
  subject: string;
  /** The body as a react-email component; the plain-text part is derived from it. */
  body: ReactElement;
  /** Sent as Resend's Idempotency-Key: a retried send with the same key delivers once. */
  idempotencyKey?: string;
};

let transport: MailTransport | undefined;

export function currentTransport(): MailTransport {
  if (transport) return transport;
  const e = env();
  transport = mailTransportKind(e) === "resend" ? resendTransport(e.RESEND_API_KEY!, e.RESEND_BASE_URL) : outboxTransport;
  return transport;
}

/** Tests swap the transport. */
export function setTransport(t: MailTransport | undefined): void {
  transport = t;
}

type TextElement = { attribs: Record<string, string>; children: unknown[] };
type TextBuilder = {
  openBlock(o: { leadingLineBreaks: number }): void;
  closeBlock(o: { trailingLineBreaks: number }): void;
  addInline(text: string, o: { noWordTransform: boolean }): void;
};

/**
 * How the plain-text part reads the HTML. A button (EmailButton) is a line of its own, "Label url":
 * html-to-text keeps links inline, so two buttons side by side ran together
 * ("Acknowledge http://…?intent=acknowledgeOpen http://…").
 */
const plainTextOptions = {
  formatters: {
    buttonLine(elem: TextElement, walk: (nodes: unknown[], builder: TextBuilder) => void, builder: TextBuilder) {
      builder.openBlock({ leadingLineBreaks: 1 });
      walk(elem.children, builder);
      builder.addInline(` ${elem.attribs.href}`, { noWordTransform: true });
      builder.closeBlock({ trailingLineBreaks: 1 });
    },
  },
  selectors: [{ selector: 'a[data-text-format="button"]', format: "buttonLine" }],
};

export async function renderMail(body: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(body);
  return { html, text: toPlainText(html, plainTextOptions) };
}

export async function sendMail(db: Database, mail: Mail): Promise<SendResult & { transport: MailTransport["kind"] }> {
  const t = currentTransport();
  const { html, text } = await renderMail(mail.body);
  const result = await t.send(
    { to: mail.to, from: env().MAIL_FROM, subject: mail.subject, html, text, idempotencyKey: mail.idempotencyKey ?? crypto.randomUUID() },
    db,
  );
  return { ...result, transport: t.kind };
}
