import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The newest sign-in link the dev mailbox holds for `email`. */
export async function latestSignInLink(request: APIRequestContext, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
      const { data } = (await res.json()) as { data: { subject: string; text: string }[] };
      const mail = data.find((m) => m.subject.includes("sign-in link"));
      link = mail?.text.match(/https?:\/\/[^\s\]]+\/signin\/confirm\?[^\s\]]+/)?.[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** Signs in through the real flow: the form, the emailed link, the confirm button. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: /sign-in link/i }).click();
  await page.waitForURL(/\/signin\/check-email/);
  const link = await latestSignInLink(page.request, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

export const ROLE_EMAILS = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  engineer: "alice@example.com",
  stakeholder: "jane@acme.example",
} as const;
export type E2ERole = keyof typeof ROLE_EMAILS;
export const storageStateFor = (role: E2ERole) => `e2e/.auth/${role}.json`;
