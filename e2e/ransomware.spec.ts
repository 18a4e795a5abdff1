import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ROLE_EMAILS, storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";
import { createKey, registerUploadedEvidence, triggerAcknowledged } from "./support/incidents";

/**
 * The whole story on one ransomware incident at Acme Dental: the incident manager works it
 * (type, roles, checklist, an internal note, evidence, a stakeholder update to management), resolves
 * it; the post-mortem draft carries the timeline, is reviewed (by Jane, the client's management
 * contact) and published; Jane reads it without the internal note, cannot reach a confidential
 * incident, and the report prints to a PDF.
 */
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const summary = `Ransomware: files encrypted on ACME-FS01 ${stamp}`;
const secretSummary = `Extortion email to the practice owner ${stamp}`;
const note = `Internal: the ransom note names LockBit affiliate chat ID ${stamp}; insurer claim CX-${stamp}`;
const jane = ROLE_EMAILS.stakeholder;
let incidentUrl = "";
let secretUrl = "";
let postmortemUrl = "";

type Mail = { to: string; subject: string; text: string };

async function mailFor(request: APIRequestContext, to: string, subjectPart: string): Promise<Mail> {
  let mail: Mail | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}&limit=100`);
        const { data } = (await res.json()) as { data: Mail[] };
        mail = data.find((m) => m.subject.includes(subjectPart));
        return mail?.to;
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .toBe(to);
  return mail!;
}

/** Creates an incident on Acme Dental Servers, acknowledged at once (nobody's alarm keeps ringing), and opens it. */
async function openAcknowledged(page: Page, baseURL: string, title: string, source: string): Promise<string> {
  const key = await createKey(page, "Acme Dental Servers", `ransomware ${stamp} ${source}`);
  await triggerAcknowledged(baseURL, key, { summary: title, source, severity: "critical" });
  await page.goto("/incidents");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await page.waitForURL(/\/incidents\/[^/?]+$/);
  return new URL(page.url()).pathname;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

test.describe("the incident manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("works the ransomware incident: type, roles, checklist, note, evidence, management update, resolve", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    incidentUrl = await openAcknowledged(page, baseURL!, summary, "acme-fs01");
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/^Acknowledged by/)).toBeVisible();

    await page.getByLabel("Incident type").selectOption({ label: "Ransomware / extortion" });
    await page.getByRole("button", { name: "Set type" }).click();
    await expect(page.getByText(/Ransomware \/ extortion · 0 of \d+ done/)).toBeVisible();

    const roles = page.getByRole("list", { name: "Participants" });
    for (const [person, role, label] of [
      ["Morgan Manager", "incident_manager", "Incident manager"],
      ["Alice Nguyen", "forensic_analyst", "Forensic analyst"],
    ] as const) {
      await page.getByLabel("Person").selectOption({ label: person });
      await page.getByLabel("Role").selectOption(role);
      await page.getByRole("button", { name: "Assign role" }).click();
      await expect(roles.locator("li", { hasText: person }).getByText(label)).toBeVisible();
    }

    for (const step of ["Notify the client's cyber-insurance provider before isolation or changes", "Review the continuity/recovery plan's requirements", "Identify and assess"]) {
      await page.getByRole("button", { name: `Done: ${step}` }).click();
      await expect(page.getByRole("button", { name: `Reopen: ${step}` })).toBeVisible();
    }
    await expect(page.getByText(/Ransomware \/ extortion · 3 of \d+ done/)).toBeVisible();

    await page.getByLabel("Add a note").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(note)).toBeVisible();

    await page.getByLabel("Message").fill("ACME-FS01 shares are encrypted; the host is isolated with memory captured. Backups are intact and offline.");
    await page.getByLabel("Phase").selectOption("identified");
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Identified: ACME-FS01 shares are encrypted/)).toBeVisible();

    await registerUploadedEvidence(page, {
      name: "ACME-FS01 memory image",
      method: "WinPmem to an encrypted USB drive before isolation",
      heldBy: "Alice Nguyen",
      file: { name: "acme-fs01.raw", mimeType: "application/octet-stream", buffer: Buffer.from(`ACME-FS01 memory image (WinPmem) ${stamp}\n`.repeat(400)) },
    });
    await screenshotBoth(page, "ransomware-workspace");

    await page.getByRole("button", { name: "Send update" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Management").check();
    await dialog.getByLabel("Impact").fill("The shared drive at the Hoboken practice is offline; X-rays are read from the imaging server.");
    await dialog.getByLabel("Next update").fill("2026-11-23T17:30");
    await dialog.getByLabel("Message").fill("We contained the attack to one file server and are restoring it from offline backups.");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("region", { name: "Preview" }).getByText(/Jane Whitfield/)).toBeVisible();
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByText("Update sent")).toBeVisible();
    await page.keyboard.press("Escape");

    const mail = await mailFor(page.request, jane, summary);
    expect(mail.text).toContain("We contained the attack to one file server");
    // Typed 17:30 in the manager's zone, shown in the client's (both New York).
    expect(mail.text).toContain("23 Nov 2026, 17:30");
    expect(mail.text).not.toContain(note);

    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(page.getByText("Resolved by Morgan Manager").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Update sent to Management/)).toBeVisible();
  });

  test("the draft post-mortem carries the timeline; filled in, Jane asked to review, submitted", async ({ page }) => {
    await page.goto("/postmortems");
    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(summary) }).first()).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    postmortemUrl = pathOf(page);

    const timeline = page.locator("#timeline");
    for (const row of [/Type set to Ransomware \/ extortion/, /Done: Notify the client's cyber-insurance provider/, /Alice Nguyen is forensic analyst/, /Evidence registered: ACME-FS01 memory image/, /Update sent to Management/, /Resolved by Morgan Manager/]) {
      await expect(timeline.getByText(row).first()).toBeVisible();
    }
    await expect(timeline.locator("li", { hasText: note }).getByText("internal")).toBeVisible();

    await page.getByLabel("Summary").fill("Ransomware encrypted the shares on one file server at the Hoboken practice; it was isolated within the hour and restored from offline backups.");
    await page.getByLabel("Systems affected").fill("ACME-FS01 (file server)");
    await page.getByLabel("How was it contained?").fill("The host was disconnected from the network after a memory capture; the compromised VPN account was disabled.");
    await page.getByLabel("What went well?").fill("The insurer was called before any change; backups were offline and intact.");
    await page.getByLabel("Contributing factors").fill("The VPN accepted a password without a second factor. Legacy SMB shares allowed writes from every workstation.");
    await page.getByLabel("Real: it needed action now").check();
    await page.getByLabel("Yes", { exact: true }).first().check();
    await page.getByLabel("Yes", { exact: true }).last().check();
    await page.getByRole("button", { name: "Save post-mortem" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("note")).toHaveCount(0);

    await page.getByLabel("New action item").fill("Enforce MFA on the practice VPN");
    await page.getByRole("button", { name: "Add action item" }).click();
    await expect(page.locator("#action-items").getByText("Enforce MFA on the practice VPN")).toBeVisible();

    const review = page.locator("#review");
    await review.getByRole("checkbox", { name: /Jane Whitfield/ }).check();
    await review.getByRole("button", { name: "Save reviewers" }).click();
    await expect(review.locator("li", { hasText: "Jane Whitfield" }).getByText("Pending")).toBeVisible();
    await screenshotBoth(page, "ransomware-postmortem-draft");

    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("In review", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText(/Waiting for approval from Jane Whitfield/)).toBeVisible();
  });
});

test.describe("Jane, the reviewer", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("reads the draft under review without the internal note and approves it", async ({ page }) => {
    await page.goto(postmortemUrl);
    await expect(page.getByText("Ransomware encrypted the shares on one file server")).toBeVisible();
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save post-mortem" })).toHaveCount(0);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  });
});

test.describe("the incident manager, again", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("publishes the approved post-mortem and marks a second incident confidential", async ({ page, baseURL }) => {
    await page.goto(postmortemUrl);
    await expect(page.locator("#review").getByText("Approved")).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText(/Published · rev 1/)).toBeVisible();

    secretUrl = await openAcknowledged(page, baseURL!, secretSummary, "owner-mailbox");
    await page.getByRole("button", { name: "Mark confidential" }).click();
    await expect(page.getByText("Confidential", { exact: true })).toBeVisible();
  });
});

test.describe("Jane, the client's stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("reads the published report and the incident, never the internal note or the confidential incident", async ({ page }) => {
    await page.goto("/postmortems");
    await page.getByRole("link", { name: new RegExp(summary) }).click();
    await page.waitForURL((url) => url.pathname === postmortemUrl);
    const report = page.locator("article.postmortem-report");
    await expect(report.getByText("Ransomware encrypted the shares on one file server")).toBeVisible();
    await expect(report.getByText(/Resolved by Morgan Manager/)).toBeVisible();
    // Who an update went to (here Management and the insurer's contact) is staff-only.
    await expect(report.getByText(/Update sent to/)).toHaveCount(0);
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(report.getByText(/\(key /)).toHaveCount(0);
    const md = await page.request.get(`${postmortemUrl}/export.md`);
    expect(md.status()).toBe(200);
    expect(await md.text()).not.toContain(note);
    await screenshotBoth(page, "ransomware-postmortem-stakeholder");

    await page.goto(incidentUrl);
    await expect(page.getByRole("heading", { name: "Updates for you" })).toBeVisible();
    await expect(page.getByText(/We contained the attack to one file server/).first()).toBeVisible();
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(page.locator("#evidence")).toHaveCount(0);
    await screenshotBoth(page, "ransomware-incident-stakeholder");

    const res = await page.goto(secretUrl);
    expect(res?.status()).toBe(404);
    await page.goto("/incidents");
    await expect(page.getByText(summary)).toBeVisible();
    await expect(page.getByText(secretSummary)).toHaveCount(0);
    await page.goto(`/incidents?q=${encodeURIComponent(secretSummary)}`);
    await expect(page.getByText(secretSummary)).toHaveCount(0);
  });

  test("the report prints: the print view hides the page around it and makes a PDF", async ({ page }) => {
    await page.goto(postmortemUrl);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: /Print \/ PDF/ })).toBeHidden();
    await expect(page.getByText("Post-mortem · blameless")).toBeVisible();
    await expect(page.getByText("Ransomware encrypted the shares on one file server")).toBeVisible();
    await screenshotBoth(page, "ransomware-postmortem-print");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});

test.describe("the manager's print view", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("hides the form and shows the report", async ({ page }) => {
    await page.goto(postmortemUrl);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByLabel("Summary")).toBeHidden();
    await expect(page.locator("#timeline")).toBeHidden();
    const report = page.locator("article.postmortem-report");
    await expect(report.getByRole("heading", { level: 1, name: new RegExp(summary) })).toBeVisible();
    await expect(report.getByText("Enforce MFA on the practice VPN")).toBeVisible();
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await screenshotBoth(page, "ransomware-postmortem-print-manager");
  });
});
