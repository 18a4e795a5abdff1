import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("reads the Standard policy's timeline, sees it change live, and creates a two-level policy", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation").first().getByRole("link", { name: "Escalation policies" }).click();
    await expect(page.getByRole("heading", { name: "Escalation policies", level: 1 })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Standard" });
    await expect(row).toContainText("2 levels · failover at 30 min");
    await expect(row).toContainText("Acme Dental Servers");
    await expect(row).toContainText("Globex Warehouse Network");
    await screenshotBoth(page, "escalation-policies-list");

    await row.getByRole("link", { name: "Standard" }).click();
    await expect(page.getByRole("heading", { name: "Standard", level: 1 })).toBeVisible();
    const timeline = page.getByRole("list", { name: "Escalation timeline" });
    await expect(timeline.getByRole("listitem")).toHaveText([
      "0 min: on-call of Service Desk 24/7",
      "5 min: leads of Service Desk",
      "15 min: repeat once (every 15 min)",
      "30 min: failover email to the team leads, manager@example.com",
    ]);
    await expect(page.getByText("Stops when a page is acknowledged.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Services using this policy" })).toContainText("Acme Dental Servers");
    await screenshotBoth(page, "escalation-policy-standard");

    // The timeline follows the editor before anything is saved.
    await page.getByLabel("Level 1 minutes").fill("7");
    await page.getByLabel("Repeat", { exact: true }).selectOption({ label: "Repeat twice" });
    await expect(timeline.getByRole("listitem")).toHaveText(["0 min: on-call of Service Desk 24/7", "7 min: leads of Service Desk", "17 min: repeat twice (every 17 min)", "51 min: failover email to the team leads, manager@example.com"]);

    // A new policy: nights go to Security Operations' on-call, then the Service Desk leads.
    const name = `Nights ${Date.now().toString(36)}`;
    await page.goto("/escalation-policies");
    await page.getByRole("link", { name: "New policy" }).click();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Add to level 1").selectOption({ label: "On-call of Security Operations" });
    await page.getByLabel("Level 1 minutes").fill("10");
    await page.getByRole("button", { name: "Add level" }).click();
    // Saving with an empty level names it, and keeps everything typed.
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page.getByRole("listitem", { name: "Level 2" })).toContainText("Add at least one person, schedule or team");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await page.getByLabel("Add to level 2").selectOption({ label: "Service Desk: leads only" });
    await expect(page.getByRole("listitem", { name: "Level 2" })).not.toContainText("Add at least one");
    await page.getByLabel("Level 2 minutes").fill("15");
    await page.getByLabel("Other addresses").fill("noc@example.com");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("radio", { name: /Read/ }).check({ force: true });
    const draft = page.getByRole("list", { name: "Escalation timeline" });
    await expect(draft.getByRole("listitem")).toHaveText(["0 min: on-call of Security Operations", "10 min: leads of Service Desk", "25 min: failover email to the team leads, noc@example.com"]);
    await screenshotBoth(page, "escalation-policy-new");
    await page.getByRole("button", { name: "Create policy" }).click();

    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Policy created.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Escalation timeline" }).getByRole("listitem")).toHaveText(["0 min: on-call of Security Operations", "10 min: leads of Service Desk", "25 min: failover email to the team leads, noc@example.com"]);
    await expect(page.getByText("Stops when a page is read.")).toBeVisible();
    await page.goto("/escalation-policies");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Not used");

    // A service shows its policy and can be given the new one.
    await page.goto("/services");
    await page.getByRole("link", { name: "Globex Warehouse Network" }).click();
    await expect(page.getByRole("link", { name: "Standard" })).toBeVisible();
    await page.getByLabel("Escalation policy").selectOption({ label: name });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved Globex Warehouse Network.")).toBeVisible();
    await expect(page.getByRole("link", { name })).toBeVisible();
    // The form shows what was saved, so saving another change keeps the new policy (it went back to Standard).
    await expect(page.getByLabel("Escalation policy").locator("option:checked")).toHaveText(name);
    await page.getByLabel("Description").fill("Warehouse switches and Wi-Fi");
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/services/"));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await saved;
    await expect(page.getByLabel("Description")).toHaveValue("Warehouse switches and Wi-Fi");
    await page.reload();
    await expect(page.getByLabel("Description")).toHaveValue("Warehouse switches and Wi-Fi");
    await expect(page.getByRole("link", { name })).toBeVisible();
    await expect(page.getByLabel("Escalation policy").locator("option:checked")).toHaveText(name);
  });
});

test.describe("engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("reads a policy without an editor", async ({ page }) => {
    await page.goto("/escalation-policies");
    await expect(page.getByRole("link", { name: "New policy" })).toHaveCount(0);
    await page.getByRole("row").filter({ hasText: "Standard" }).getByRole("link", { name: "Standard" }).click();
    await expect(page.getByText("Read only")).toBeVisible();
    await expect(page.getByRole("list", { name: "Escalation timeline" })).toContainText("on-call of Service Desk 24/7");
    await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
    await screenshotBoth(page, "escalation-policy-engineer");
  });
});

test.describe("stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("is refused escalation policies: no tab, the 403 page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation").first().getByRole("link", { name: "Escalation policies" })).toHaveCount(0);
    for (const path of ["/escalation-policies", "/escalation-policies/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
    }
  });
});
