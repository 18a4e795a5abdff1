import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createKey, enqueue } from "./support/incidents";
import { screenshotBoth } from "./support/screenshots";
import { storageStateFor } from "./support/sign-in";

/**
 * A fresh high-priority incident on Acme Dental, acknowledged and resolved through the Events API
 * (so nobody's full-screen alarm is left ringing for later specs), with a second between each step
 * so its MTTA and MTTR are measurable.
 */
async function answeredIncident(page: Page, baseURL: string): Promise<string> {
  const id = Date.now().toString(36);
  const key = await createKey(page, "Acme Dental Servers", `reports ${id}`);
  const summary = `Imaging server unreachable in the Newark practice ${id}`;
  const dedupKey = `e2e-reports-${id}`;
  expect((await enqueue(baseURL, { routing_key: key, event_action: "trigger", dedup_key: dedupKey, payload: { summary, source: "imaging.acme.local", severity: "critical" } })).status).toBe(202);
  await page.waitForTimeout(1_200);
  expect((await enqueue(baseURL, { routing_key: key, event_action: "acknowledge", dedup_key: dedupKey })).status).toBe(202);
  await page.waitForTimeout(1_200);
  expect((await enqueue(baseURL, { routing_key: key, event_action: "resolve", dedup_key: dedupKey })).status).toBe(202);
  await page.goto("/incidents?status=resolved");
  await expect(page.getByRole("link", { name: new RegExp(summary) })).toBeVisible();
  return summary;
}

/** Splits one CSV line on commas outside quotes. */
const csvCells = (line: string) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));

test.describe("reports", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the manager filters to Acme Dental and high priority, reads the charts and tables, downloads the CSV and switches tabs", async ({ page, baseURL }) => {
    await answeredIncident(page, baseURL!);

    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    const filters = page.getByRole("search", { name: "Report filters" });
    await filters.getByLabel("Client").selectOption({ label: "Acme Dental" });
    await filters.getByLabel("Priority").selectOption("high");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/clientId=[^&]+/);
    await expect(page).toHaveURL(/priority=high/);
    await expect(filters.getByLabel("Client")).toHaveValue(/.+/);

    const headline = page.getByRole("region", { name: "Headline figures for the period" });
    await expect(headline.getByText("Incidents", { exact: true })).toBeVisible();
    expect(Number((await headline.locator("dd").first().textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("img", { name: /per week/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /by client/ })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();

    // The table behind the chart: a disclosure with a captioned table naming the client.
    const byClient = page.getByRole("region", { name: "Response by client" });
    await page.locator('[data-slot="card"]').filter({ has: page.getByRole("heading", { name: "By client" }) }).getByText("Show the table").click();
    await expect(byClient.getByRole("rowheader", { name: "Acme Dental" })).toBeVisible();
    await expect(byClient.getByRole("rowheader", { name: "Globex Logistics" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "SLA breaches" })).toBeVisible();
    await screenshotBoth(page, "reports-response");

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV: response by client" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^baton-response-byClient-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const header = csvCells(lines[0]!);
    expect(header).toEqual(expect.arrayContaining(["label", "incidents", "mtta.mean", "mttr.median", "escalated"]));
    const label = header.indexOf("label");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines.slice(1)) expect(csvCells(line)[label]).toBe("Acme Dental");

    const tabs = page.getByRole("navigation", { name: "Report tabs" });
    await tabs.getByRole("link", { name: "Load" }).click();
    await expect(page).toHaveURL(/tab=load/);
    await expect(page).toHaveURL(/priority=high/);
    await expect(tabs.getByRole("link", { name: "Load" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Interruptions per person" }).or(page.getByRole("heading", { name: /Nobody was on call/ }))).toBeVisible();
    await screenshotBoth(page, "reports-load");

    await tabs.getByRole("link", { name: "Alert quality" }).click();
    await expect(page).toHaveURL(/tab=alert-quality/);
    await expect(page.getByRole("heading", { name: "Noisiest services" })).toBeVisible();
    await screenshotBoth(page, "reports-alert-quality");

    await tabs.getByRole("link", { name: "Delivery" }).click();
    await expect(page).toHaveURL(/tab=delivery/);
    await expect(page.getByRole("heading", { name: "By channel and state" }).or(page.getByRole("heading", { name: /No notifications/ }))).toBeVisible();
    await screenshotBoth(page, "reports-delivery");

    // A hand-edited URL with a bad filter is a message, not an error page.
    await page.goto("/reports?tab=response&priority=urgent");
    await expect(page.getByText("These filters can't be used")).toBeVisible();

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Last 7 days" })).toBeVisible();
    await screenshotBoth(page, "reports-dashboard");
  });

  test("a stakeholder sees only their response figures", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("stakeholder") });
    const page = await context.newPage();
    await page.goto("/reports?tab=load");
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Report tabs" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Headline figures for the period" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Interruptions per person" })).toHaveCount(0);
    await expect(page.getByRole("search", { name: "Report filters" }).getByLabel("Team")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "By team" })).toHaveCount(0);
    await screenshotBoth(page, "reports-stakeholder");
    await context.close();
  });
});
