import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";
import { createKey } from "./support/incidents";

test.describe.configure({ mode: "serial" });

let incidentUrl = "";

test.describe("incident workspace", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a manager acknowledges, marks confidential, sets the type, ticks a step, posts a status update and assigns a role", async ({ page, baseURL }) => {
    const key = await createKey(page, "Acme Dental Servers", `ws ${Date.now().toString(36)}`);
    const summary = `Payroll mailbox forwarding rule ${Date.now().toString(36)}`;
    const res = await fetch(`${baseURL}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ routing_key: key, event_action: "trigger", payload: { summary, source: "m365", severity: "warning" } }) });
    expect(res.status).toBe(202);
    await page.goto("/incidents");
    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await page.waitForURL(/\/incidents\/[^/?]+$/);
    incidentUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText("Acknowledged by Morgan Manager").first()).toBeVisible();

    await page.getByRole("button", { name: "Mark confidential" }).click();
    await expect(page.getByText("Confidential", { exact: true })).toBeVisible();

    await page.getByLabel("Incident type").selectOption({ label: "Account credential compromise" });
    await page.getByRole("button", { name: "Set type" }).click();
    await expect(page.getByText(/Account credential compromise · 0 of \d+ done/)).toBeVisible();
    await page.getByRole("button", { name: "Done: Notify the client's cyber-insurance provider before isolation or changes" }).click();
    await expect(page.getByText(/Done by .* ·/).first()).toBeVisible();

    await page.getByLabel("Message").fill("A forwarding rule to an outside address was found on the payroll mailbox; sessions revoked.");
    await page.getByLabel("Phase").selectOption("identified");
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Identified: A forwarding rule/)).toBeVisible();

    await page.getByLabel("Person").selectOption({ label: "Alice Nguyen" });
    await page.getByLabel("Role").selectOption("forensic_analyst");
    await page.getByRole("button", { name: "Assign role" }).click();
    await expect(page.getByRole("list", { name: "Participants" }).getByText("Forensic analyst")).toBeVisible();
    await screenshotBoth(page, "incident-workspace");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screenshots/incident-workspace-phone-top.png" });
    await page.getByRole("list", { name: "Participants" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/incident-workspace-phone-roles.png" });
  });
});

test.describe("need-to-know", () => {
  test.describe("the client's stakeholder", () => {
    test.use({ storageState: storageStateFor("stakeholder") });
    test("gets a 404 for the confidential incident and does not see it listed", async ({ page }) => {
      const res = await page.goto(incidentUrl);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("button", { name: "Break the glass" })).toHaveCount(0);
      await page.goto("/incidents");
      await expect(page.getByText(/Payroll mailbox forwarding rule/)).toHaveCount(0);
    });
  });

  test.describe("an admin", () => {
    test.use({ storageState: storageStateFor("admin") });
    test("breaks the glass with a reason and then reads it", async ({ page }) => {
      const res = await page.goto(incidentUrl);
      expect(res?.status()).toBe(404);
      await page.getByRole("button", { name: "Break the glass" }).click();
      await expect(page.getByText(/at least 10 characters/)).toBeVisible();
      await page.getByLabel("Reason").fill("Counsel asked for the timeline, ticket 4411");
      await screenshotBoth(page, "incident-break-glass");
      await page.getByRole("button", { name: "Break the glass" }).click();
      await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Broke the glass for 60 min: Counsel asked/)).toBeVisible();
    });
  });
});
