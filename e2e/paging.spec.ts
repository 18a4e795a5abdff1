import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROLE_EMAILS, signInAs, storageStateFor } from "./support/sign-in";
import { screenshotBoth, VIEWPORTS } from "./support/screenshots";
import { createKey } from "./support/incidents";

type Mail = { to: string; subject: string; text: string };
/** New contexts inherit the spec's storage state (the manager's): these start signed out. */
const SIGNED_OUT = { cookies: [], origins: [] };

/** The page email for `summary` in the dev mailbox (the embedded driver sends it within a second or two). */
async function pageEmail(request: APIRequestContext, summary: string): Promise<Mail> {
  let mail: Mail | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/dev/mailbox?limit=100");
        const { data } = (await res.json()) as { data: Mail[] };
        mail = data.find((m) => m.subject.includes(summary) && !m.subject.includes("UNANSWERED"));
        return mail?.to;
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .toBeTruthy();
  return mail!;
}

test.describe("paging", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a high-priority event pages the on-call by email and in-app alarm; acknowledging from the email stops it", async ({ page, browser, baseURL }) => {
    const key = await createKey(page, "Acme Dental Servers", `e2e paging ${Date.now().toString(36)}`);
    const summary = `Imaging server down ${Date.now().toString(36)}`;
    const res = await fetch(`${baseURL}/v2/enqueue`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ routing_key: key, event_action: "trigger", payload: { summary, source: "imaging-01.acme.local", severity: "critical", component: "imaging" } }),
    });
    expect(res.status).toBe(202);

    // The on-call engineer's email, with its Acknowledge link.
    const mail = await pageEmail(page.request, summary);
    expect(mail.subject).toContain("[HIGH] Acme Dental");
    const ackUrl = new URL(mail.text.match(/https?:\/\/[^\s\]]+\/n\/[^\s\]]+\?intent=acknowledge/)![0]);
    const ackPath = `${ackUrl.pathname}${ackUrl.search}`;

    // Signed in as the on-call engineer elsewhere: the in-app alarm rings.
    const oncall = await browser.newContext({ storageState: mail.to === ROLE_EMAILS.engineer ? storageStateFor("engineer") : SIGNED_OUT });
    const op = await oncall.newPage();
    if (mail.to !== ROLE_EMAILS.engineer) await signInAs(op, mail.to);
    await op.goto("/schedules");
    // (Other specs' incidents may ring for the same person: find ours among them.)
    const alarm = op.getByRole("alertdialog", { name: /You are being paged|incidents need you/ });
    const ours = alarm.getByRole("listitem").filter({ hasText: summary });
    await expect(ours).toBeVisible({ timeout: 10_000 });
    await expect(ours.getByText("Acme Dental · Acme Dental Servers")).toBeVisible();
    await expect(ours.getByText("High priority")).toBeVisible();
    await expect(alarm).toHaveAttribute("data-sound", /on|blocked/);
    await screenshotBoth(op, "paging-alarm");

    // Mail scanners fetch the link: GET and HEAD change nothing.
    expect((await page.request.head(ackPath)).status()).toBe(200);
    expect((await page.request.get(ackPath)).status()).toBe(200);
    await page.goto(`/incidents?q=${encodeURIComponent(summary)}`);
    const row = page.getByRole("row").filter({ hasText: summary });
    await expect(row.getByText("Triggered")).toBeVisible();
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { name: new RegExp(summary) })).toBeVisible();
    const incidentUrl = page.url();
    const notifications = page.getByRole("list", { name: "Notifications" });
    await expect(notifications.locator("li").filter({ hasText: "Email" }).first()).toBeVisible();

    // On a phone, from the email: the interstitial, then Acknowledge.
    const phone = await browser.newContext({ storageState: SIGNED_OUT, viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    const pp = await phone.newPage();
    await pp.goto(ackPath);
    await expect(pp.getByRole("heading", { name: summary })).toBeVisible();
    await expect(pp.getByText("High priority")).toBeVisible();
    await expect(pp.getByText("Acme Dental Servers")).toBeVisible();
    const ackButton = pp.getByRole("button", { name: "Acknowledge" });
    await expect(ackButton).toHaveClass(/bg-brand-600/); // primary: the link said intent=acknowledge
    await screenshotBoth(pp, "paging-interstitial");
    await ackButton.click();
    await expect(pp.getByText(/^You acknowledged #\d+ — escalation stopped$/)).toBeVisible();
    await screenshotBoth(pp, "paging-acknowledged");

    // The alarm goes away; the incident says who took it, and how.
    await expect(op.getByRole("listitem").filter({ hasText: summary })).toHaveCount(0, { timeout: 10_000 });
    await page.goto(incidentUrl);
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Acknowledged by .+ \(from the email\)/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(notifications.locator('li[data-state="read"]').first()).toBeVisible();
    await screenshotBoth(page, "paging-incident-notifications");

    // The link again, from another device: already acknowledged. Open asks to sign in as its person.
    const other = await browser.newContext({ storageState: SIGNED_OUT });
    const xp = await other.newPage();
    await xp.goto(ackPath);
    await expect(xp.getByText(/You acknowledged #\d+/)).toBeVisible();
    await xp.getByRole("button", { name: "Open incident" }).click();
    await xp.waitForURL(/\/signin\?/);
    expect(new URL(xp.url()).searchParams.get("email")).toBe(mail.to);

    // A forged link: a 404 that says so.
    const forged = await xp.goto(ackPath.replace(/\.[A-Za-z0-9_-]{6}/, ".AAAAAA"));
    expect(forged?.status()).toBe(404);
    await expect(xp.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    await screenshotBoth(xp, "paging-link-gone");

    await Promise.all([oncall.close(), phone.close(), other.close()]);
  });
});
