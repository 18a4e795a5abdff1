import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

const MEMBERS = ["Alice Nguyen", "Bob Okafor", "Carol Schmidt", "Dave Patel"];

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("opens the fairness report and the team calendar of Service Desk", async ({ page }) => {
    await page.goto("/teams");
    await page.getByRole("link", { name: "Service Desk" }).first().click();
    await expect(page.getByRole("heading", { name: "Service Desk" })).toBeVisible();
    await page.getByRole("link", { name: "Fairness report" }).click();
    await expect(page.getByRole("heading", { name: "Fairness report" })).toBeVisible();
    await expect(page.getByTestId("fairness-gap")).toContainText("mean shifts");
    await expect(page.getByTestId("fairness-balance")).toContainText("%");
    const table = page.getByRole("table");
    for (const person of MEMBERS) await expect(table.getByRole("row").filter({ hasText: person })).toHaveCount(1);
    await screenshotBoth(page, "team-fairness");

    // A bad period falls back to the default and says so.
    await page.goto(`${page.url().split("?")[0]}?from=2026-05-01&to=2026-01-01`);
    await expect(page.getByRole("status").filter({ hasText: "not valid" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Alice Nguyen" })).toHaveCount(1);

    await page.getByRole("link", { name: "Service Desk" }).click();
    await page.getByRole("link", { name: "Team calendar" }).click();
    await expect(page.getByRole("heading", { name: "Team calendar" })).toBeVisible();
    await expect(page.locator(".baton-shift").first()).toBeVisible();
    await screenshotBoth(page, "team-calendar");
  });
});

test.describe("stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("is refused the fairness report", async ({ page, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const mp = await manager.newPage();
    await mp.goto("/teams");
    const href = await mp.getByRole("link", { name: "Service Desk" }).first().getAttribute("href");
    await manager.close();
    await page.goto(`${href}/fairness`);
    await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
  });
});
