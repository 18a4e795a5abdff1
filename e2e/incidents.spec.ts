import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";
import { createKey, enqueue } from "./support/incidents";

test.describe("alerts in", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("an event posted to /v2/enqueue becomes an incident with its timeline; acknowledge, note, resolve", async ({ page, baseURL }) => {
    const key = await createKey(page, "Acme Dental Servers", `e2e ${Date.now().toString(36)}`);
    await screenshotBoth(page, "service-detail");
    const dedupKey = `e2e-imaging-${Date.now().toString(36)}`;
    const summary = `Imaging server unreachable ${dedupKey}`;

    const bad = await enqueue(baseURL!, { routing_key: key, event_action: "trigger", payload: { summary, source: "imaging-01", severity: "urgent" } });
    expect(bad.status).toBe(400);
    expect(bad.json.status).toBe("invalid event");

    const ok = await enqueue(baseURL!, {
      routing_key: key,
      event_action: "trigger",
      dedup_key: dedupKey,
      payload: { summary, source: "imaging-01.acme.local", severity: "critical", component: "imaging", custom_details: { ping_loss: "100%" } },
      links: [{ href: "https://runbooks.example/imaging", text: "Imaging runbook" }],
    });
    expect(ok).toEqual({ status: 202, json: { status: "success", message: "Event processed", dedup_key: dedupKey } });
    expect((await enqueue(baseURL!, { routing_key: key, event_action: "trigger", dedup_key: dedupKey, payload: { summary, source: "imaging-01.acme.local", severity: "critical" } })).status).toBe(202);

    await page.goto("/incidents");
    const row = page.getByRole("row").filter({ hasText: summary });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("Triggered")).toBeVisible();
    await expect(row.getByText("High priority")).toBeVisible();
    await screenshotBoth(page, "incidents");

    await page.getByLabel("Search incidents").fill(dedupKey);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("row").filter({ hasText: summary })).toHaveCount(1);

    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await expect(page.getByRole("heading", { name: new RegExp(summary) })).toBeVisible();
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText("Client rule 1 “Imaging or PMS down is urgent” → high")).toBeVisible();
    await expect(timeline.getByText("High priority: paging now")).toBeVisible();
    await expect(timeline.getByText(/joined it \(event 2\)/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Imaging runbook" })).toHaveAttribute("href", "https://runbooks.example/imaging");
    // The custom details card (the raw event that carried them is folded away below the newest one).
    await expect(page.locator("pre").filter({ hasText: '"ping_loss": "100%"' }).last()).toBeVisible();
    await screenshotBoth(page, "incident-detail");

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(timeline.getByText("Acknowledged by Morgan Manager")).toBeVisible();
    await page.getByLabel("Add a note").fill("Imaging server rebooted; watching the PACS queue.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(timeline.getByText("Imaging server rebooted; watching the PACS queue.")).toBeVisible();
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(timeline.getByText("Resolved by Morgan Manager")).toBeVisible();
    await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
    await screenshotBoth(page, "incident-resolved");
  });

  test("services pages: list, new-service form errors, priority rules editor", async ({ page }) => {
    await page.goto("/services");
    await expect(page.getByRole("link", { name: "Globex Warehouse Network" })).toBeVisible();
    await screenshotBoth(page, "services");
    await page.getByRole("link", { name: "New service" }).click();
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByText("Required").first()).toBeVisible();
    await screenshotBoth(page, "service-new-error");

    await page.goto("/services");
    await page.getByRole("link", { name: "Globex Warehouse Network" }).click();
    await page.getByRole("button", { name: "Add rule" }).click();
    const n = await page.getByRole("textbox", { name: /^Rule \d+ name$/ }).count();
    await page.getByLabel(`Rule ${n} name`).fill("Scanner batteries are low");
    await page.getByLabel(`Rule ${n} condition 1 value`).fill("(");
    await page.getByLabel(`Rule ${n} condition 1 test`).selectOption("regex");
    await page.getByRole("button", { name: "Save priority rules" }).click();
    await expect(page.getByText("Not a valid regular expression")).toBeVisible();
    await page.getByLabel(`Rule ${n} condition 1 value`).fill("battery (low|critical)");
    await page.getByRole("button", { name: "Save priority rules" }).click();
    await expect(page.getByText("Priority rules saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(`Rule ${n} name`)).toHaveValue("Scanner batteries are low");
    await screenshotBoth(page, "service-rules");

    await page.goto("/clients");
    await page.getByRole("link", { name: "Acme Dental" }).click();
    await page.getByRole("link", { name: "Priority rules" }).click();
    await expect(page.getByLabel("Rule 1 name")).toHaveValue("Imaging or PMS down is urgent");
    await screenshotBoth(page, "client-priority-rules");
  });
});

test.describe("declaring by hand", () => {
  // As the manager: the incident pages whoever is on call, and the alarm would cover an on-call engineer's page.
  test.use({ storageState: storageStateFor("manager") });

  test("a manager declares an incident by hand: a blank title is a field error, then the incident opens with them as its actor", async ({ page }) => {
    const title = `E2E phishing reported by phone ${Date.now().toString(36)}`;
    await page.goto("/incidents");
    await page.getByRole("link", { name: "Declare incident" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Declare incident" })).toBeVisible();
    await page.getByLabel("Service").selectOption({ label: "Acme Dental Servers" });
    await page.getByLabel("Details").fill("The front desk called: an invoice email asked for a password.");
    await page.getByRole("button", { name: "Declare incident" }).click();
    await expect(page.getByText("Required")).toBeVisible();
    await expect(page.getByLabel("Details")).toHaveValue("The front desk called: an invoice email asked for a password.");
    await screenshotBoth(page, "incident-declare-form");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Declare incident" }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Declared by Morgan Manager");
    await screenshotBoth(page, "incident-declared");
  });
});

test.describe("stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("sees their client's incidents without internals, and not another client's by URL", async ({ page, browser, baseURL }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const mp = await manager.newPage();
    const acmeKey = await createKey(mp, "Acme Dental Servers", "e2e stakeholder");
    const globexKey = await createKey(mp, "Globex Warehouse Network", "e2e stakeholder");
    const tag = Date.now().toString(36);
    // Acknowledged at once: these incidents are for the stakeholder to read, not to page the on-call
    // (whose in-app alarm would then cover other specs' pages).
    const triggered = [
      await enqueue(baseURL!, { routing_key: acmeKey, event_action: "trigger", dedup_key: `pms-${tag}`, payload: { summary: `PMS database slow ${tag}`, source: "pms-01", severity: "critical" } }),
      await enqueue(baseURL!, { routing_key: globexKey, event_action: "trigger", dedup_key: `sw-${tag}`, payload: { summary: `Core switch down ${tag}`, source: "core-sw-1", severity: "critical" } }),
    ];
    expect(triggered.map((r) => r.status)).toEqual([202, 202]);
    expect((await enqueue(baseURL!, { routing_key: acmeKey, event_action: "acknowledge", dedup_key: `pms-${tag}` })).status).toBe(202);
    expect((await enqueue(baseURL!, { routing_key: globexKey, event_action: "acknowledge", dedup_key: `sw-${tag}` })).status).toBe(202);
    await mp.goto("/incidents");
    const globexHref = await mp.getByRole("link", { name: new RegExp(`Core switch down ${tag}`) }).getAttribute("href");
    await mp.getByRole("link", { name: new RegExp(`PMS database slow ${tag}`) }).click();
    await mp.getByLabel("Add a note").fill(`internal note ${tag}`);
    await mp.getByRole("button", { name: "Add note" }).click();
    await expect(mp.getByText(`internal note ${tag}`)).toBeVisible();
    await manager.close();

    await page.goto("/incidents");
    await expect(page.getByRole("link", { name: new RegExp(`PMS database slow ${tag}`) })).toBeVisible();
    await expect(page.getByText(`Core switch down ${tag}`)).toHaveCount(0);
    await page.getByRole("link", { name: new RegExp(`PMS database slow ${tag}`) }).click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText("High priority: paging now")).toBeVisible();
    await expect(page.getByText(`internal note ${tag}`)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(page.getByText("Raw events")).toHaveCount(0);
    await screenshotBoth(page, "stakeholder-incident");
    await page.goto(globexHref!);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.goto("/services");
    await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
  });
});
