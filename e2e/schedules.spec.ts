import { expect, test, type Page } from "@playwright/test";
import { signInAs, storageStateFor } from "./support/sign-in";
import { mondayWeeksAgo, nyDatePlus } from "./support/dates";
import { screenshotBoth, VIEWPORTS } from "./support/screenshots";

/** The bottom of a month-view day cell (below its shift bars), where a drag selects days. */
async function dayCellPoint(page: Page, date: string): Promise<{ x: number; y: number } | null> {
  const label = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
  const cell = page.getByRole("cell", { name: new RegExp(`^${label}`) });
  if ((await cell.count()) === 0) return null;
  await cell.scrollIntoViewIfNeeded();
  const box = await cell.boundingBox();
  return box ? { x: box.x + box.width / 2, y: box.y + box.height - 8 } : null;
}

async function showNextWeek(page: Page) {
  await page.getByRole("button", { name: "Week", exact: true }).click();
  await expect(page.getByRole("button", { name: "Week", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Next", exact: true }).click();
}

test.use({ actionTimeout: 20_000 });

test("a weekly rotation of four; Alice asks Bob to cover, Bob accepts, the manager approves, the calendar shows Bob", async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `E2E Rotation ${Date.now().toString(36)}`;
  // The rotation started three Mondays ago: Alice, Bob, Carol, Dave, so Alice's next shift starts next Monday 09:00.
  const startDate = mondayWeeksAgo(3);

  // The manager makes Service Desk's swaps wait for approval.
  const managerContext = await browser.newContext({ storageState: storageStateFor("manager") });
  const manager = await managerContext.newPage();
  const consoleErrors: string[] = [];
  manager.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  manager.on("pageerror", (e) => consoleErrors.push(e.message));
  await manager.goto("/teams");
  await manager.getByRole("link", { name: "Service Desk", exact: true }).click();
  const approval = manager.getByRole("switch", { name: "Swaps need manager approval" });
  if ((await approval.getAttribute("aria-checked")) !== "true") await approval.click();
  await expect(approval).toHaveAttribute("aria-checked", "true");
  await screenshotBoth(manager, "team-swap-approval");

  // …creates the schedule in New York for Service Desk…
  await manager.goto("/schedules");
  await manager.getByRole("link", { name: "New schedule" }).click();
  await manager.getByLabel("Schedule name").fill(name);
  await manager.getByLabel("Time zone").selectOption("America/New_York");
  await manager.getByRole("combobox", { name: /^Team/ }).selectOption({ label: "Service Desk" });
  await manager.getByRole("button", { name: "Create schedule" }).click();
  await expect(manager.getByRole("heading", { level: 1, name })).toBeVisible();
  const scheduleUrl = manager.url();

  // …and adds a weekly layer of four with a 09:00 Monday handoff.
  await manager.getByRole("button", { name: "Add layer" }).click();
  const dialog = manager.getByRole("dialog");
  await dialog.getByLabel("Layer name").fill("Primary");
  for (const person of ["Alice Nguyen", "Bob Okafor", "Carol Schmidt", "Dave Patel"]) await dialog.getByLabel("Add a person").selectOption({ label: person });
  await expect(dialog.getByRole("list", { name: "Rotation order" }).getByRole("listitem")).toHaveText([/Alice Nguyen/, /Bob Okafor/, /Carol Schmidt/, /Dave Patel/]);
  await dialog.getByLabel("Shift length").fill("1");
  await dialog.getByLabel("Unit").selectOption("weeks");
  await dialog.getByLabel("Handoff time").fill("09:00");
  await dialog.getByLabel("Handoff day").selectOption({ label: "Monday" });
  await dialog.getByLabel("Starts on").fill(startDate);
  await screenshotBoth(manager, "schedule-layer-dialog");
  await dialog.getByRole("button", { name: "Add layer" }).click();
  await expect(manager.getByRole("dialog")).toHaveCount(0);
  await expect(manager.getByText("Layer added.")).toBeVisible();
  await expect(manager.getByRole("list", { name: "Primary rotation order" })).toContainText("Dave Patel");

  // The calendar shows the rotation; someone is on call now.
  await manager.reload();
  await expect(manager.getByTestId("on-call-now")).not.toHaveText("Nobody");
  await expect(manager.locator(".baton-shift").first()).toBeVisible();
  // Dave holds this week (the fourth since the start date) from when the layer was added; the weeks before stay empty.
  await expect(manager.locator(".baton-shift", { hasText: "Dave Patel" }).first()).toBeVisible();
  await screenshotBoth(manager, "schedule-calendar-month");
  await manager.getByRole("button", { name: "Week", exact: true }).click();
  await expect(manager.locator(".baton-shift").first()).toBeVisible();
  await screenshotBoth(manager, "schedule-calendar-week");
  await manager.getByRole("button", { name: "List", exact: true }).click();
  await expect(manager.locator(".baton-shift").first()).toBeVisible();
  await screenshotBoth(manager, "schedule-calendar-list");

  await manager.goto("/schedules");
  await expect(manager.getByRole("link", { name, exact: true })).toBeVisible();
  await screenshotBoth(manager, "schedules-index");

  // Alice (engineer) asks Bob to cover her shift next week.
  const aliceContext = await browser.newContext({ storageState: storageStateFor("engineer") });
  const alice = await aliceContext.newPage();
  await alice.goto(scheduleUrl);
  await showNextWeek(alice);
  await alice.locator(".baton-shift--mine", { hasText: "Alice Nguyen" }).first().click();
  const ask = alice.getByRole("dialog");
  await expect(ask.getByRole("heading", { name: "Alice Nguyen (you)" })).toBeVisible();
  await expect(ask.getByText(/Your shift:/)).toBeVisible();
  await ask.getByLabel("Ask", { exact: true }).selectOption({ label: "Bob Okafor" });
  await ask.getByLabel("Note").fill("Family wedding that week");
  await screenshotBoth(alice, "schedule-shift-dialog");
  await ask.getByRole("button", { name: "Send request" }).click();
  await expect(alice.getByText("Request sent to Bob Okafor.")).toBeVisible();
  await aliceContext.close();

  // Bob signs in and accepts; the request now waits for a manager.
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signInAs(bob, "bob@example.com");
  await bob.goto("/schedules/requests");
  const bobsItem = bob.getByRole("listitem").filter({ hasText: name }).filter({ hasText: "Family wedding" });
  await expect(bobsItem).toContainText("Alice Nguyen asks you to cover a shift");
  await bobsItem.getByRole("button", { name: /^Accept/ }).click();
  await expect(bob.getByRole("listitem").filter({ hasText: name }).filter({ hasText: "Family wedding" })).toContainText("needs manager approval");
  await bobContext.close();

  // The manager approves.
  await manager.goto("/schedules/requests");
  const item = manager.getByRole("listitem").filter({ hasText: name }).filter({ hasText: "Family wedding" });
  await expect(item).toContainText("needs manager approval");
  await screenshotBoth(manager, "schedule-requests");
  await item.getByRole("button", { name: /^Approve/ }).click();
  await expect(manager.getByRole("listitem").filter({ hasText: name }).filter({ hasText: "Family wedding" })).toContainText("Approved");

  // The calendar shows Bob, marked as a cover, where Alice was.
  await manager.goto(scheduleUrl);
  await showNextWeek(manager);
  const covered = manager.locator(".baton-shift--swap", { hasText: "Bob Okafor" });
  await expect(covered.first()).toBeVisible();
  await expect(manager.locator(".baton-shift--rotation", { hasText: "Alice Nguyen" })).toHaveCount(0);
  await screenshotBoth(manager, "schedule-calendar-after-cover");

  // The schedule's iCal feed shows Bob for next week too (its event starts next Monday 09:00 New York).
  await manager.getByRole("button", { name: "Get a calendar URL" }).click();
  const feedUrl = (await manager.getByTestId("ical-url").textContent())!.trim();
  expect(feedUrl).toMatch(/\/api\/ical\/[a-z0-9]{8}\.[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await manager.request.get(feedUrl);
  expect(feed.headers()["referrer-policy"]).toBe("no-referrer");
  const ics = await feed.text();
  const nextMonday = mondayWeeksAgo(-1).replaceAll("-", "");
  const events = ics.split("BEGIN:VEVENT").slice(1);
  const nextWeek = events.find((e) => new RegExp(`DTSTART[^:]*:${nextMonday}T1[34]0000Z`).test(e));
  expect(nextWeek, "an event starting next Monday").toBeTruthy();
  expect(nextWeek).toContain("SUMMARY:On call: Bob Okafor");

  // The manager drags across two days of the month to put Dave on call, then removes that override.
  await manager.getByRole("button", { name: "Month", exact: true }).click();
  await manager.getByRole("button", { name: "Today", exact: true }).click();
  const [first, second] = [nyDatePlus(1), nyDatePlus(2)];
  let from = await dayCellPoint(manager, first);
  let to = await dayCellPoint(manager, second);
  if (!from || !to) {
    await manager.getByRole("button", { name: "Next", exact: true }).click();
    await expect(manager.locator(".baton-shift").first()).toBeVisible();
    from = await dayCellPoint(manager, first);
    to = await dayCellPoint(manager, second);
  }
  await manager.mouse.move(from!.x, from!.y);
  await manager.mouse.down();
  await manager.mouse.move(to!.x, to!.y, { steps: 8 });
  await manager.mouse.up();
  const overrideDialog = manager.getByRole("dialog", { name: "Add an override" });
  await expect(overrideDialog.getByLabel("Starts")).toHaveValue(`${first}T00:00`);
  await overrideDialog.getByLabel("Who is on call").selectOption({ label: "Dave Patel" });
  await overrideDialog.getByLabel("Note").fill("E2E override");
  await overrideDialog.getByRole("button", { name: "Add override" }).click();
  await expect(manager.getByText("Override added.")).toBeVisible();
  const override = manager.locator(".baton-shift--override", { hasText: "Dave Patel" }).first();
  await expect(override).toBeVisible();
  await override.click();
  await manager.getByRole("dialog").getByRole("button", { name: "Remove override" }).click();
  await expect(manager.getByText("Override removed.")).toBeVisible();
  await expect(manager.locator(".baton-shift--override", { hasText: "Dave Patel" })).toHaveCount(0);

  // Last (it may move who holds which week): the manager fills the next quarter fairly, previews, publishes.
  await manager.getByRole("button", { name: "Fill next weeks of Primary" }).click();
  const fill = manager.getByRole("dialog", { name: "Fill the next weeks of Primary" });
  await expect(fill.getByLabel("Weeks to fill")).toHaveValue("13");
  await fill.getByRole("button", { name: "Preview", exact: true }).click();
  const shiftsTable = fill.getByRole("region", { name: "Proposed shifts" });
  await expect(shiftsTable.getByRole("row").nth(13)).toBeVisible(); // a header and 13 or so weekly instances
  const peopleTable = fill.getByRole("region", { name: "People before and after" });
  for (const person of ["Alice Nguyen", "Bob Okafor", "Carol Schmidt", "Dave Patel"]) await expect(peopleTable).toContainText(person);
  await expect(fill.getByRole("region", { name: "Fairness before and after" })).toContainText("Gap");
  await screenshotBoth(manager, "schedule-fill-preview");
  await fill.getByRole("button", { name: "Publish 13 weeks" }).click();
  await expect(fill.getByText(/^Published; \d+ (people were|person was) told\.$/)).toBeVisible();
  await screenshotBoth(manager, "schedule-fill-published");
  await fill.getByRole("button", { name: "Close" }).first().click();
  await expect(manager.getByRole("dialog")).toHaveCount(0);
  await expect(manager.locator(".baton-shift").first()).toBeVisible();
  await expect(manager.getByTestId("on-call-now")).not.toHaveText("Nobody");
  await screenshotBoth(manager, "schedule-fill-after");
  expect(consoleErrors, "no errors in the browser console").toEqual([]);
  await managerContext.close();
});

test("My shifts lists the engineer's shifts, time off and cover balance", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("engineer") });
  const page = await context.newPage();
  await page.goto("/schedules/mine");
  await expect(page.getByRole("heading", { level: 1, name: "My shifts" })).toBeVisible();
  await expect(page.getByText("Cover balance")).toBeVisible();
  await page.getByRole("button", { name: "Add time off" }).click();
  const form = page.getByRole("form", { name: "Add time off" });
  await form.getByLabel("Note").fill("E2E dentist");
  await form.getByRole("button", { name: "Save time off" }).click();
  await expect(page.getByText("Time off added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Upcoming time off" })).toContainText("E2E dentist");
  await screenshotBoth(page, "schedule-mine");
  await context.close();
});

test("a person's page shows their shifts, the covers they gave and got, and their balance", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const page = await context.newPage();
  await page.goto("/people");
  await page.getByRole("link", { name: "Bob Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bob Okafor" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Upcoming shifts" })).toBeVisible();
  // Bob covered Alice in the first test of this file.
  await expect(page.getByRole("list", { name: "Covers" }).getByRole("listitem").first()).toContainText("Covered Alice Nguyen");
  await expect(page.getByTestId("ledger-burden")).toContainText("Colleagues owe Bob Okafor");
  await expect(page.getByRole("list", { name: "Teams" })).toContainText("Service Desk");
  await screenshotBoth(page, "person-page");
  const personUrl = page.url();
  await context.close();

  const stakeholder = await browser.newContext({ storageState: storageStateFor("stakeholder") });
  const refused = await stakeholder.newPage();
  await refused.goto(personUrl);
  await expect(refused.getByRole("heading", { name: /don't have access/i })).toBeVisible();
  await stakeholder.close();
});

test("a stakeholder is refused the schedules", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("stakeholder") });
  const page = await context.newPage();
  for (const path of ["/schedules", "/schedules/mine", "/schedules/requests", "/schedules/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
  }
  await context.close();
});

test("a manager plans a new order for the next handoff, then deletes the layer: the time it held stays, greyed", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `E2E Planned ${Date.now().toString(36)}`;
  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const manager = await context.newPage();
  await manager.goto("/schedules/new");
  await manager.getByLabel("Schedule name").fill(name);
  await manager.getByLabel("Time zone").selectOption("America/New_York");
  await manager.getByRole("button", { name: "Create schedule" }).click();
  await expect(manager.getByRole("heading", { level: 1, name })).toBeVisible();

  // A weekly rotation of three that began two Mondays ago.
  await manager.getByRole("button", { name: "Add layer" }).click();
  const add = manager.getByRole("dialog");
  await add.getByLabel("Layer name").fill("Primary");
  for (const person of ["Alice Nguyen", "Bob Okafor", "Carol Schmidt"]) await add.getByLabel("Add a person").selectOption({ label: person });
  await add.getByLabel("Handoff day").selectOption({ label: "Monday" });
  await add.getByLabel("Starts on").fill(mondayWeeksAgo(2));
  await add.getByRole("button", { name: "Add layer" }).click();
  await expect(manager.getByText("Layer added.")).toBeVisible();

  // Dave joins at the top of the order from the next handoff: this week's holder keeps the week.
  await manager.getByRole("button", { name: "Edit Primary" }).click();
  const edit = manager.getByRole("dialog", { name: "Edit Primary" });
  await edit.getByLabel("Add a person").selectOption({ label: "Dave Patel" });
  for (let i = 0; i < 3; i++) await edit.getByRole("button", { name: "Move Dave Patel up" }).click();
  await expect(edit.getByRole("list", { name: "Rotation order" }).getByRole("listitem")).toHaveText([/Dave Patel/, /Alice Nguyen/, /Bob Okafor/, /Carol Schmidt/]);
  await expect(edit.getByLabel("Changes take effect").locator("option").nth(1)).toHaveText(/^At the next handoff, Mon, /);
  await edit.getByLabel("Changes take effect").selectOption({ index: 1 });
  // The dialog scrolls inside itself: capture what the manager sees with the field in view.
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await manager.setViewportSize(size);
    await edit.getByLabel("Changes take effect").scrollIntoViewIfNeeded();
    await manager.screenshot({ path: `test-results/screenshots/schedule-layer-edit-planned-${label}.png` });
  }
  await manager.setViewportSize(VIEWPORTS.desktop);
  await edit.getByRole("button", { name: "Save layer" }).click();
  await expect(manager.getByText("Layer saved.")).toBeVisible();
  await expect(manager.getByText(/This version takes effect .*Mon.*; until then the previous rotation holds \(Alice Nguyen, Bob Okafor, Carol Schmidt\)\./)).toBeVisible();
  // This week still has its holder under the old order (Carol, third of three); the new order starts next week.
  await expect(manager.getByTestId("on-call-now")).toContainText("Carol Schmidt");
  await screenshotBoth(manager, "schedule-layer-planned");

  // Deleting the layer keeps the time it was on call (from when it was added: its start date two
  // weeks back set the order, not history), in slate, named "(deleted)"; the weeks before stay empty.
  await manager.getByRole("button", { name: "Delete Primary", exact: true }).click();
  await manager.getByRole("alertdialog").getByRole("button", { name: "Delete layer" }).click();
  await expect(manager.getByText("No layers yet: nobody is on call.")).toBeVisible();
  await expect(manager.getByText("Layer saved.")).toHaveCount(0);
  await expect(manager.locator(".baton-shift", { hasText: "Carol Schmidt" }).first()).toBeVisible();
  await expect(manager.locator(".baton-shift", { hasText: "Alice Nguyen" })).toHaveCount(0);
  await screenshotBoth(manager, "schedule-layer-deleted-history");
  await manager.locator(".baton-shift", { hasText: "Carol Schmidt" }).first().click();
  await expect(manager.getByRole("dialog").getByText("Primary (deleted)")).toBeVisible();
  await context.close();
});

test("the demo's Security Operations shows Heidi joining the London rotation, planned ahead", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const page = await context.newPage();
  await page.goto("/schedules");
  await page.getByRole("link", { name: "Security Operations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security Operations" })).toBeVisible();
  await expect(page.getByRole("list", { name: "London (rest of the day) rotation order" })).toContainText("Heidi Larsen");
  await expect(page.getByText(/This version takes effect .*; until then the previous rotation holds \(Grace Hopkins\)\./)).toBeVisible();
  await expect(page.locator(".baton-shift").first()).toBeVisible();
  await screenshotBoth(page, "schedule-planned-demo");
  await context.close();
});

test("the fill preview on the demo's Service Desk shows who holds each shift now (a quarter is published there)", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const page = await context.newPage();
  await page.goto("/schedules");
  await page.getByRole("link", { name: "Service Desk 24/7", exact: true }).click();
  await page.getByRole("button", { name: /^Fill next weeks of / }).first().click();
  const fill = page.getByRole("dialog", { name: /^Fill the next weeks of / });
  await fill.getByRole("button", { name: "Preview", exact: true }).click();
  const shiftsTable = fill.getByRole("region", { name: "Proposed shifts" });
  await expect(shiftsTable.getByRole("columnheader", { name: "Scheduled now" })).toBeVisible();
  await expect(fill.getByText(/A plan published earlier holds some of these weeks: publishing (keeps every shift as it is scheduled now|gives \d+ of \d+ shifts to someone other than who holds them now)\./)).toBeVisible();
  await screenshotBoth(page, "schedule-fill-preview-published-plan");
  await context.close();
});

test("a manager drags in week view's free strip to add an override; the team's holidays are drawn behind the shifts", async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const nextWeekDay = (offset: number) => {
    const d = new Date(`${mondayWeeksAgo(-1)}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const [nextTuesday, nextWednesday] = [nextWeekDay(1), nextWeekDay(2)];
  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const manager = await context.newPage();

  // A team whose calendar has a holiday next Wednesday…
  await manager.goto("/teams/new");
  await manager.getByLabel("Team name").fill(`Calendar Desk ${suffix}`);
  await manager.getByRole("listitem").filter({ hasText: "Alice Nguyen" }).getByRole("checkbox").first().check();
  await manager.getByRole("button", { name: "Create team" }).click();
  await expect(manager.getByRole("heading", { name: `Calendar Desk ${suffix}` })).toBeVisible();
  await manager.getByLabel("Holiday date").fill(nextWednesday);
  await manager.getByLabel("Holiday name").fill("Founders' Day");
  await manager.getByRole("button", { name: "Add holiday" }).click();
  await manager.getByRole("button", { name: "Save changes" }).click();
  await expect(manager.getByText(`Saved Calendar Desk ${suffix}.`)).toBeVisible();

  // …and its 24/7 weekly schedule: someone holds every hour, so only the strip is free to drag in.
  await manager.goto("/schedules/new");
  await manager.getByLabel("Schedule name").fill(`Calendar ${suffix}`);
  await manager.getByLabel("Time zone").selectOption("America/New_York");
  await manager.getByRole("combobox", { name: /^Team/ }).selectOption({ label: `Calendar Desk ${suffix}` });
  await manager.getByRole("button", { name: "Create schedule" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Calendar ${suffix}` })).toBeVisible();
  await manager.getByRole("button", { name: "Add layer" }).click();
  const dialog = manager.getByRole("dialog");
  await dialog.getByLabel("Layer name").fill("Primary");
  for (const person of ["Alice Nguyen", "Bob Okafor"]) await dialog.getByLabel("Add a person").selectOption({ label: person });
  await dialog.getByLabel("Shift length").fill("1");
  await dialog.getByLabel("Unit").selectOption("weeks");
  await dialog.getByLabel("Handoff time").fill("09:00");
  await dialog.getByLabel("Handoff day").selectOption({ label: "Monday" });
  await dialog.getByLabel("Starts on").fill(mondayWeeksAgo(1));
  await dialog.getByRole("button", { name: "Add layer" }).click();
  await expect(manager.getByText("Layer added.")).toBeVisible();
  await manager.reload();

  await showNextWeek(manager);
  await expect(manager.locator(".baton-shift").first()).toBeVisible();
  // Week view names the holiday under its day; the month draws it in the day's cell.
  await expect(manager.locator(`[role="columnheader"][data-date="${nextWednesday}"]`)).toContainText("Founders' Day");
  await expect(manager.getByRole("list", { name: "Legend" })).toContainText("Holiday");

  // Drag from 10:00 to 13:00 next Tuesday in the strip at the right of the day.
  const column = manager.locator(`[role="cell"][data-date="${nextTuesday}"]`).filter({ has: manager.locator(".baton-shift") });
  await column.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await manager.evaluate(() => window.scrollBy(0, 180));
  const box = (await column.boundingBox())!;
  const x = box.x + box.width - 5;
  const yAt = (hour: number) => box.y + (box.height * hour) / 24;
  await manager.mouse.move(x, yAt(10) + 4);
  await manager.mouse.down();
  await manager.mouse.move(x, yAt(12) + 4, { steps: 8 });
  await manager.mouse.up();
  const overrideDialog = manager.getByRole("dialog", { name: "Add an override" });
  await expect(overrideDialog.getByLabel("Starts")).toHaveValue(`${nextTuesday}T10:00`);
  await expect(overrideDialog.getByLabel("Ends")).toHaveValue(`${nextTuesday}T13:00`);
  await overrideDialog.getByLabel("Who is on call").selectOption({ label: "Carol Schmidt" });
  await overrideDialog.getByRole("button", { name: "Add override" }).click();
  await expect(manager.getByText("Override added.")).toBeVisible();
  await expect(manager.locator(".baton-shift--override", { hasText: "Carol Schmidt" }).first()).toBeVisible();
  await screenshotBoth(manager, "schedule-calendar-week-holiday");
  await manager.getByRole("button", { name: "Month", exact: true }).click();
  if ((await manager.locator(`[role="cell"][data-date="${nextWednesday}"]`).count()) === 0) await manager.getByRole("button", { name: "Next", exact: true }).click();
  await expect(manager.locator(".baton-holiday__label", { hasText: "Founders' Day" })).toBeVisible();
  await screenshotBoth(manager, "schedule-calendar-month-holiday");
  await context.close();
});
