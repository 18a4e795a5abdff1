import { expect, test } from "@playwright/test";
import { nyDatePlus } from "./support/dates";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

/**
 * A form whose server action answers with a field error keeps what was typed (React would reset an
 * uncontrolled `<form action>` after every submission; ActionForm resets only after a success).
 */
test.use({ storageState: storageStateFor("manager"), actionTimeout: 20_000 });

test("an override that ends before it starts shows the error next to the person, dates and note as typed; fixed, it is added", async ({ page }) => {
  const day = nyDatePlus(1);
  const note = `E2E keeps input ${Date.now().toString(36)}`;
  await page.goto("/schedules");
  await page.getByRole("link", { name: "Service Desk 24/7", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service Desk 24/7" })).toBeVisible();
  await page.getByRole("button", { name: "Add override" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an override" });
  const who = dialog.getByLabel("Who is on call");
  await who.selectOption({ label: "Carol Schmidt" });
  await dialog.getByLabel("Starts").fill(`${day}T10:00`);
  await dialog.getByLabel("Ends").fill(`${day}T08:00`);
  await dialog.getByLabel("Note").fill(note);
  await dialog.getByRole("button", { name: "Add override" }).click();

  await expect(dialog.getByText("The override must end after it starts")).toBeVisible();
  await expect(who.locator("option:checked")).toHaveText("Carol Schmidt");
  await expect(dialog.getByLabel("Starts")).toHaveValue(`${day}T10:00`);
  await expect(dialog.getByLabel("Ends")).toHaveValue(`${day}T08:00`);
  await expect(dialog.getByLabel("Note")).toHaveValue(note);
  await screenshotBoth(page, "override-error-keeps-input");

  await dialog.getByLabel("Ends").fill(`${day}T14:00`);
  await dialog.getByRole("button", { name: "Add override" }).click();
  await expect(page.getByText("Override added.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Remove it again, so the demo schedule is as seeded for the other specs.
  await page.getByRole("button", { name: "Month", exact: true }).click();
  await expect(page.locator(".baton-shift").first()).toBeVisible();
  const override = page.locator(".baton-shift--override", { hasText: "Carol Schmidt" }).first();
  // Tomorrow may be in next month's grid; decide by the date, not by what has rendered so far (the month's events load after the switch).
  if (day.slice(0, 7) !== nyDatePlus(0).slice(0, 7)) await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(override).toBeVisible();
  await override.click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove override" }).click();
  await expect(page.getByText("Override removed.")).toBeVisible();
  await expect(page.locator(".baton-shift--override", { hasText: "Carol Schmidt" })).toHaveCount(0);
});

test("a new team without a name shows the error and keeps the description and ticked members", async ({ page }) => {
  await page.goto("/teams/new");
  await page.getByLabel("Description").fill("Looks after the printers");
  const alice = page.getByRole("listitem").filter({ hasText: "Alice Nguyen" }).getByRole("checkbox").first();
  await alice.check();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Required")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Looks after the printers");
  await expect(alice).toBeChecked();
  await expect(page).toHaveURL(/\/teams\/new$/);
});
