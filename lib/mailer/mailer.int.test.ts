import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resendStandIn } from "@/db/test/resend-stand-in";
import { createTestDatabase } from "@/db/test/test-database";
import { readMailbox } from "./read-mailbox";
import { resendTransport } from "./resend-transport";
import { sendMail, setTransport } from "./index";
import { MailSendError } from "./transport";
import { SignInEmail } from "./templates/sign-in-email";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  setTransport(undefined);
  await t.drop();
});

const body = createElement(SignInEmail, { url: "http://localhost:3000/signin/confirm?token=abc&email=a%40b.c", host: "localhost:3000", minutes: 10 });

describe("mailer", () => {
  it("the outbox stores HTML and a plain-text part, once per idempotency key", async () => {
    setTransport(undefined);
    await sendMail(t.db, { to: "a@b.c", subject: "Hello", body, idempotencyKey: "k-1" });
    await sendMail(t.db, { to: "a@b.c", subject: "Hello", body, idempotencyKey: "k-1" });
    const box = await readMailbox(t.db, { to: "a@b.c" });
    expect(box).toHaveLength(1);
    expect(box[0]!.html).toContain("<html");
    expect(box[0]!.html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
    expect(box[0]!.text).toContain("http://localhost:3000/signin/confirm?token=abc");
    expect(box[0]!.text).not.toContain("<");
  });

  it("Resend: sends JSON with the bearer key and the Idempotency-Key header", async () => {
    const standIn = resendStandIn([200]);
    const url = await standIn.start();
    try {
      setTransport(resendTransport("re_test_key", url));
      const result = await sendMail(t.db, { to: "ops@example.com", subject: "Page", body, idempotencyKey: "notif-123" });
      expect(result).toEqual({ id: "re_1", transport: "resend" });
      const [req] = standIn.requests;
      expect(req!.path).toBe("/emails");
      expect(req!.headers.authorization).toBe("Bearer re_test_key");
      expect(req!.headers["idempotency-key"]).toBe("notif-123");
      expect(req!.body).toMatchObject({ to: ["ops@example.com"], subject: "Page" });
      expect(String(req!.body.text)).toContain("signin/confirm");
    } finally {
      await standIn.stop();
    }
  });

  it("Resend: 500 and 429 are retryable, 422 is not; a retry carries the same key", async () => {
    const standIn = resendStandIn([500, 429, 422]);
    const url = await standIn.start();
    try {
      setTransport(resendTransport("re_test_key", url));
      const send = () => sendMail(t.db, { to: "ops@example.com", subject: "Page", body, idempotencyKey: "same-key" });
      const e1 = await send().catch((e) => e);
      const e2 = await send().catch((e) => e);
      const e3 = await send().catch((e) => e);
      expect(e1).toBeInstanceOf(MailSendError);
      expect([e1.retryable, e2.retryable, e3.retryable]).toEqual([true, true, false]);
      expect(e3.status).toBe(422);
      expect(standIn.requests.map((r) => r.headers["idempotency-key"])).toEqual(["same-key", "same-key", "same-key"]);
    } finally {
      await standIn.stop();
    }
  });
});
