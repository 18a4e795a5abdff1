import { expect, test } from "@playwright/test";
import { latestSignInLink } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

test.describe("sign-in by email link", () => {
  test("the emailed link opens a confirm page; only its button signs in, and only once", async ({ page, browser }) => {
    await page.goto("/signin");
    await screenshotBoth(page, "signin");
    await page.getByLabel("Work email").fill("bob@example.com");
    await page.getByRole("button", { name: /sign-in link/i }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await screenshotBoth(page, "signin-check-email");

    const link = await latestSignInLink(page.request, "bob@example.com");
    // A mail scanner fetching the link (GET) must not spend or use it.
    const scanner = await page.request.get(link);
    expect(scanner.status()).toBe(200);

    await page.goto(link);
    await expect(page.getByText("Continue as bob@example.com")).toBeVisible();
    await screenshotBoth(page, "signin-confirm");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: /Good to see you, Bob/ })).toBeVisible();

    // The same link again, in a fresh browser: refused.
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link);
    await second.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(second).toHaveURL(/\/signin\/error/);
    await expect(second.getByText(/already used or has expired/)).toBeVisible();
    await other.close();
  });

  test("an unknown address gets the same neutral answer and no email", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Work email").fill("nobody@nowhere.example");
    await page.getByRole("button", { name: /sign-in link/i }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const res = await page.request.get("/api/dev/mailbox?to=nobody@nowhere.example");
    expect((await res.json()).data).toEqual([]);
  });

  test("a malformed address shows the field error", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByRole("button", { name: /sign-in link/i }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
  });
});
