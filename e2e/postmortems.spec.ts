import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";
import { createKey } from "./support/incidents";

async function resolvedIncident(page: Page, baseURL: string): Promise<string> {
  const key = await createKey(page, "Acme Dental Servers", `pm ${Date.now().toString(36)}`);
  const summary = `Certificate expired on the patient portal ${Date.now().toString(36)}`;
  const res = await fetch(`${baseURL}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ routing_key: key, event_action: "trigger", payload: { summary, source: "portal.acme.local", severity: "critical" } }) });
  expect(res.status).toBe(202);
  await page.goto("/incidents");
  await page.getByRole("link", { name: new RegExp(summary) }).click();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Acknowledged by Morgan Manager").first()).toBeVisible();
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("Resolved by Morgan Manager").first()).toBeVisible();
  return summary;
}

test.describe("post-mortems", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a resolved incident's draft: form, blameless hint, meeting rule, action item, stars, publish; stakeholders read it", async ({ page, baseURL, browser }) => {
    const summary = await resolvedIncident(page, baseURL!);
    await page.goto("/postmortems");
    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(summary) }).first()).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();

    // The draft, loaded in full (so it hydrates), logs no errors: a <form> nested in the save form was React error #418.
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.reload();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();

    await page.getByLabel("Summary").fill("The patient portal's TLS certificate expired; browsers refused the site for 40 minutes.");
    await page.getByLabel("Contributing factors").fill("Renewal was a manual calendar task. Morgan Manager forgot to renew the certificate.");
    await page.getByLabel("Real: it needed action now").check();
    await page.getByLabel("Yes", { exact: true }).first().check();
    await page.getByLabel("No", { exact: true }).check();
    await page.getByLabel("If not, what should the alert include?").fill("The certificate's expiry date");
    await page.getByRole("button", { name: "Save post-mortem" }).click();
    const hint = page.getByRole("note");
    await expect(hint).toContainText("Morgan Manager forgot to renew the certificate.");
    await expect(hint).toContainText("Describe what in the system allowed this");
    expect(consoleErrors).toEqual([]);

    await page.getByLabel("New action item").fill("Automate certificate renewal and alert 14 days before expiry");
    await page.getByLabel("Type").selectOption("update_plan");
    await page.getByRole("button", { name: "Add action item" }).click();
    await expect(page.getByText("Update the response plan, procedure or checklist").first()).toBeVisible();

    await page.getByRole("button", { name: /^Star: Resolved by/ }).click();
    await expect(page.getByRole("button", { name: /^Unstar: Resolved by/ })).toBeVisible();

    await page.getByLabel(/Date and time/).fill("2030-01-01T10:00");
    await page.getByRole("checkbox", { name: "Morgan Manager" }).last().check();
    await page.getByRole("button", { name: /Schedule and invite/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "within 14 days of resolution" })).toBeVisible();
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(/Date and time/).fill(`${soon}T10:00`);
    await page.getByRole("checkbox", { name: "Morgan Manager" }).last().check();
    await page.getByRole("button", { name: /Schedule and invite/ }).click();
    await expect(page.getByText("Meeting scheduled; invitations sent.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add to calendar (.ics)" })).toBeVisible();
    await screenshotBoth(page, "postmortem-form");

    await page.emulateMedia({ media: "print" });
    await screenshotBoth(page, "postmortem-print");
    await page.emulateMedia({ media: "screen" });

    const md = await page.request.get(`${page.url().split("?")[0]!.split("#")[0]}/export.md`);
    expect(md.headers()["content-type"]).toMatch(/text\/markdown/);
    expect(await md.text()).toContain("### Contributing factors");

    await page.getByLabel("Contributing factors").fill("Renewal was a manual calendar task with no alert on expiry.");
    await page.getByRole("button", { name: "Save post-mortem" }).click();
    await expect(page.getByRole("note")).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("In review", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText(/Published · rev 1/)).toBeVisible();
    const url = page.url().split("?")[0]!.split("#")[0]!;

    const stakeholder = await browser.newContext({ storageState: storageStateFor("stakeholder") });
    const sp = await stakeholder.newPage();
    await sp.goto("/postmortems");
    await sp.getByRole("link", { name: new RegExp(summary) }).click();
    await expect(sp.getByText("The patient portal's TLS certificate expired")).toBeVisible();
    await expect(sp.getByRole("button", { name: "Save post-mortem" })).toHaveCount(0);
    await screenshotBoth(sp, "postmortem-stakeholder");
    expect(sp.url().split("?")[0]).toBe(url);
    await stakeholder.close();
  });
});
