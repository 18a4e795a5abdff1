import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

test.describe("stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("is refused the team admin pages and the other client, by link and by URL", async ({ page, browser }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation").first().getByRole("link", { name: "Teams" })).toHaveCount(0);
    await screenshotBoth(page, "stakeholder-dashboard");
    for (const path of ["/teams", "/teams/new", "/people", "/schedules", "/clients/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
    }
    await screenshotBoth(page, "forbidden");

    await page.goto("/clients");
    await expect(page.getByRole("link", { name: "Acme Dental" })).toBeVisible();
    await expect(page.getByText("Globex Logistics")).toHaveCount(0);

    // Find Globex's id as a manager, then try it as the stakeholder.
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const mp = await manager.newPage();
    await mp.goto("/clients");
    const href = await mp.getByRole("link", { name: "Globex Logistics" }).getAttribute("href");
    await manager.close();
    await page.goto(href!);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test.describe("engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("cannot invite people", async ({ page }) => {
    await page.goto("/people");
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    await screenshotBoth(page, "engineer-people");
  });
});
