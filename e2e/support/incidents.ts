import { createHash } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** Creates a routing key for a seeded service in the UI (shown once) and returns it. */
export async function createKey(page: Page, serviceName: string, keyName = `e2e ${Date.now().toString(36)}`): Promise<string> {
  await page.goto("/services");
  await page.getByRole("link", { name: serviceName }).click();
  await expect(page.getByRole("heading", { name: serviceName })).toBeVisible();
  await page.getByLabel("Key name").fill(keyName);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-routing-key").textContent())!.trim();
  expect(key).toMatch(/^[a-z0-9]{32}$/);
  return key;
}

export type EnqueueResult = { status: number; json: { status: string; message: string; dedup_key?: string; errors?: string[] } };

/** POST /v2/enqueue (PagerDuty Events API v2) with a JSON body. */
export async function enqueue(baseURL: string, body: unknown): Promise<EnqueueResult> {
  const res = await fetch(`${baseURL}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as EnqueueResult["json"] };
}

/**
 * Triggers an incident and acknowledges it at once through the Events API. For specs that need an
 * incident to work on, not the page itself: a triggered incident pages the on-call engineer, whose
 * full-screen alarm would then cover the portal in every later spec signed in as them.
 */
export async function triggerAcknowledged(baseURL: string, key: string, payload: { summary: string; source: string; severity: "critical" | "error" | "warning" | "info" }): Promise<void> {
  const dedupKey = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  expect((await enqueue(baseURL, { routing_key: key, event_action: "trigger", dedup_key: dedupKey, payload })).status).toBe(202);
  expect((await enqueue(baseURL, { routing_key: key, event_action: "acknowledge", dedup_key: dedupKey })).status).toBe(202);
}

/** Registers an uploaded file in the incident page's evidence panel; returns its SHA-256 once the panel shows it. */
export async function registerUploadedEvidence(page: Page, item: { name: string; method: string; heldBy: string; file: { name: string; mimeType: string; buffer: Buffer } }): Promise<string> {
  const sha = createHash("sha256").update(item.file.buffer).digest("hex");
  const evidence = page.locator("#evidence");
  await evidence.getByText("Register evidence").click();
  await evidence.getByLabel("Name").fill(item.name);
  await evidence.getByLabel("How it was collected").fill(item.method);
  await evidence.getByLabel("File").setInputFiles(item.file);
  await evidence.getByLabel("Held by").fill(item.heldBy);
  await evidence.getByRole("button", { name: "Register" }).click();
  await expect(evidence.getByText(sha)).toBeVisible();
  return sha;
}
