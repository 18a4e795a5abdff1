import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";
import { createKey, registerUploadedEvidence, triggerAcknowledged } from "./support/incidents";

test.describe.configure({ mode: "serial" });

let incidentUrl = "";
const summary = `PMS database unreachable ${Date.now().toString(36)}`;

test.describe("communications and evidence", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the client's stakeholder directory: seeded contacts, a manager adds one", async ({ page }) => {
    await page.goto("/clients");
    await page.getByRole("link", { name: "Acme Dental" }).first().click();
    const directory = page.getByRole("list", { name: "Stakeholder contacts" });
    await expect(directory.getByText("Jane Whitfield")).toBeVisible();
    await page.getByText("Add a contact").click();
    const add = page.locator("details", { hasText: "Add a contact" });
    await add.getByLabel("Name").fill("Priya Shah, Shah IT Partners");
    await add.getByLabel("Role").selectOption("partner");
    await add.getByLabel("Email").fill("priya@shah-it.example");
    await add.getByLabel("Phone").fill("+1 646 555 0177");
    await add.getByLabel("When to call").fill("Network changes at either practice");
    await add.getByRole("button", { name: "Add contact" }).click();
    await expect(directory.getByText("Priya Shah, Shah IT Partners")).toBeVisible();
    await screenshotBoth(page, "stakeholder-directory");
  });

  test("evidence: an upload is hashed, handed over, and downloads with its SHA-256", async ({ page, baseURL }) => {
    const key = await createKey(page, "Acme Dental Servers", `comms ${Date.now().toString(36)}`);
    await triggerAcknowledged(baseURL!, key, { summary, source: "pms-db-01", severity: "critical" });
    await page.goto("/incidents");
    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await page.waitForURL(/\/incidents\/[^/?]+$/);
    incidentUrl = new URL(page.url()).pathname;

    const log = Buffer.from("Nov 23 10:58:02 pms-db-01 sqlservr: Login failed for user 'sa'. Reason: Password did not match.\n".repeat(40));
    const sha = await registerUploadedEvidence(page, {
      name: "pms-db-01 SQL error log",
      method: "Copied over the management VPN with robocopy /B",
      heldBy: "Baton evidence store",
      file: { name: "ERRORLOG.txt", mimeType: "text/plain", buffer: log },
    });

    await page.locator("#evidence").getByText(/Chain of custody \(1\)/).click();
    await page.locator("#evidence").getByLabel("Handed to").fill("Ruth Calder (outside counsel)");
    await page.locator("#evidence").getByLabel("Purpose").fill("Legal hold");
    await page.locator("#evidence").getByRole("button", { name: "Record handover" }).click();
    // The <details> keeps its open state across the server action's re-render.
    const trail = page.locator("#evidence details", { has: page.getByText(/Chain of custody \(2\)/) });
    await expect(trail).toHaveCount(1);
    if (!(await trail.evaluate((d) => (d as HTMLDetailsElement).open))) await trail.locator("summary").click();
    await expect(page.locator("#evidence").getByText("Baton evidence store → Ruth Calder (outside counsel)")).toBeVisible();

    const href = await page.locator("#evidence").getByRole("link", { name: "Download" }).getAttribute("href");
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["x-content-sha256"]).toBe(sha);
    expect(createHash("sha256").update(await file.body()).digest("hex")).toBe(sha);
    await page.locator("#evidence").scrollIntoViewIfNeeded();
    await screenshotBoth(page, "evidence-panel");
  });

  test("send update: pick audiences, preview per audience, send; the timeline records it", async ({ page }) => {
    await page.goto(incidentUrl);
    await page.getByRole("button", { name: "Send update" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Management").check();
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("alert")).toContainText("{{impact}}");
    await dialog.getByLabel("Customer").check();
    await dialog.getByLabel("Impact").fill("Appointments cannot be booked or changed at either practice");
    await dialog.getByLabel("Next update").fill("2026-11-23T17:30");
    await dialog.getByLabel("Message").fill("We have failed over to the standby database server and are checking the last transactions.");
    await dialog.getByRole("button", { name: "Preview" }).click();
    const preview = dialog.getByRole("region", { name: "Preview" });
    await expect(preview.getByText(/Service notice from Acme Dental/)).toBeVisible();
    await expect(preview.getByText(/Jane Whitfield/)).toBeVisible();
    await screenshotBoth(page, "send-update-dialog");
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByText("Update sent")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Update sent to Management, Customer/)).toBeVisible();
  });
});

test.describe("the client's stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });
  test("reads the update meant for them and sees no evidence or internal notes", async ({ page }) => {
    await page.goto(incidentUrl);
    await expect(page.getByRole("heading", { name: "Updates for you" })).toBeVisible();
    await expect(page.getByText(/Business impact: Appointments cannot be booked/)).toBeVisible();
    await expect(page.getByText("Service notice from Acme Dental")).toHaveCount(0);
    await expect(page.locator("#evidence")).toHaveCount(0);
    await screenshotBoth(page, "stakeholder-updates");
  });
});
