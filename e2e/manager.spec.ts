import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

test.use({ storageState: storageStateFor("manager") });

test("a manager creates a team with three members, and it survives a reload", async ({ page }) => {
  const name = `Network Ops ${Date.now().toString(36)}`;
  await page.goto("/teams");
  await screenshotBoth(page, "teams");
  await page.getByRole("link", { name: "New team" }).click();
  await page.getByLabel("Team name").fill(name);
  for (const person of ["Alice Nguyen", "Bob Okafor", "Carol Schmidt"]) {
    await page.getByRole("listitem").filter({ hasText: person }).getByRole("checkbox").first().check();
  }
  await page.getByRole("checkbox", { name: "Bob Okafor is a lead" }).check();
  await screenshotBoth(page, "team-new");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.reload();
  const members = page.getByRole("list", { name: "Members" });
  for (const person of ["Alice Nguyen", "Bob Okafor", "Carol Schmidt"]) await expect(members.getByText(person)).toBeVisible();
  await expect(members.getByRole("listitem").filter({ hasText: "Bob Okafor" }).getByText("Lead", { exact: true })).toBeVisible();
  await screenshotBoth(page, "team-detail");
});

test("a manager adds holidays to a team's calendar and they survive a reload; a member sees them listed", async ({ page, browser }) => {
  const name = `Holiday Desk ${Date.now().toString(36)}`;
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("listitem").filter({ hasText: "Alice Nguyen" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const [date, holiday] of [["2026-12-31", "New Year's Eve"], ["2026-12-24", "Christmas Eve"]] as const) {
    await page.getByLabel("Holiday date").fill(date);
    await page.getByLabel("Holiday name").fill(holiday);
    await page.getByRole("button", { name: "Add holiday" }).click();
  }
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved ${name}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Holidays" }).getByRole("listitem")).toHaveText([/2026-12-24.*Christmas Eve/, /2026-12-31.*New Year's Eve/]);
  await expect(page.getByText("2 holidays on the team's calendar.")).toBeVisible();
  await screenshotBoth(page, "team-holidays-edit");
  // The demo Service Desk has the US calendar; its member Alice reads it without an editor.
  const alice = await browser.newContext({ storageState: storageStateFor("engineer"), baseURL: new URL(page.url()).origin, timezoneId: "America/New_York", locale: "en-US" });
  const alicePage = await alice.newPage();
  await alicePage.goto(page.url());
  await expect(alicePage.getByRole("list", { name: "Holidays" }).getByRole("listitem")).toHaveCount(2);
  await expect(alicePage.getByRole("button", { name: "Add holiday" })).toHaveCount(0);
  await alicePage.goto("/teams");
  await alicePage.getByRole("link", { name: "Service Desk" }).first().click();
  await expect(alicePage.getByRole("list", { name: "Holidays" }).getByText("Thanksgiving Day").first()).toBeVisible();
  await screenshotBoth(alicePage, "team-holidays-member");
  await alice.close();
  await page.goto("/teams");
  await page.getByRole("link", { name: "Service Desk" }).first().click();
  await expect(page.getByText("22 holidays on the team's calendar.")).toBeVisible();
  await screenshotBoth(page, "team-holidays-service-desk");
});

test("bad form input shows the field error and writes nothing", async ({ page }) => {
  await page.goto("/teams");
  const before = await page.getByRole("table", { name: "Teams" }).getByRole("row").count();
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill("   ");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Required")).toBeVisible();
  await screenshotBoth(page, "team-new-error");
  await page.goto("/teams");
  await expect(page.getByRole("table", { name: "Teams" }).getByRole("row")).toHaveCount(before);
});

test("a manager creates a client with business hours and a holiday, and they survive a reload", async ({ page }) => {
  const name = `Initech ${Date.now().toString(36)}`;
  await page.goto("/clients");
  await screenshotBoth(page, "clients");
  await page.getByRole("link", { name: "New client" }).click();
  await page.getByLabel("Client name").fill(name);
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByLabel("Saturday open").check();
  await page.getByLabel("Saturday window 1 opens").fill("09:00");
  await page.getByLabel("Saturday window 1 closes").fill("13:00");
  await page.getByLabel("Holiday date").fill("2026-12-24");
  await page.getByLabel("Holiday name").fill("Christmas Eve");
  await page.getByRole("button", { name: "Add holiday" }).click();
  await screenshotBoth(page, "client-new");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");
  await expect(page.getByLabel("Saturday window 1 opens")).toHaveValue("09:00");
  await expect(page.getByLabel("Saturday window 1 closes")).toHaveValue("13:00");
  await expect(page.getByRole("list", { name: "Holidays" }).getByText("2026-12-24")).toBeVisible();
  await screenshotBoth(page, "client-detail");
});

test("a client whose window ends before it starts is refused with the field named", async ({ page }) => {
  await page.goto("/clients/new");
  await page.getByLabel("Client name").fill(`Bad Hours ${Date.now().toString(36)}`);
  await page.getByLabel("Monday window 1 opens").fill("18:00");
  await page.getByLabel("Monday window 1 closes").fill("08:00");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("A window must end after it starts")).toBeVisible();
});

test("every section page renders", async ({ page }) => {
  for (const [path, name] of [
    ["/", "dashboard"],
    ["/schedules", "schedules"],
    ["/incidents", "incidents"],
    ["/postmortems", "postmortems"],
    ["/reports", "reports"],
    ["/people", "people"],
    ["/settings", "settings"],
    ["/settings/tokens", "tokens"],
    ["/dev/mailbox", "mailbox"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshotBoth(page, name);
  }
});

test("a manager disables someone only after a confirmation that says what it does to their shifts, and enables them again", async ({ page }) => {
  const email = `leaver-${Date.now().toString(36)}@example.com`;
  await page.goto("/people");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Lee Leaver");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Disable Lee Leaver" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Disable Lee Leaver?" });
  await expect(confirm).toContainText("coverage gaps");
  await screenshotBoth(page, "people-disable-confirm");
  await confirm.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);
});
