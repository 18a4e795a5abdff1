import { createECDH, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";
import { screenshotBoth } from "./support/screenshots";

/** What a browser's PushSubscription.toJSON() looks like, for a push service that doesn't exist. */
function fakeBrowserSubscription() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { endpoint: `https://push.example.test/e2e/${randomBytes(9).toString("base64url")}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") } };
}

test.describe("engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("sets the repeat interval to 5 minutes, sees and removes a device, and tries push on this browser", async ({ page, context }) => {
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" }).click();
    await expect(page.getByText("How you are paged")).toBeVisible();
    await expect(page.getByText("Always on · right away")).toBeVisible();

    // A device registered through the API (a real push service isn't reachable from here).
    const registered = await page.request.post("/api/v1/me/push-subscriptions", { data: fakeBrowserSubscription() });
    expect(registered.status()).toBe(201);
    await page.reload();
    const devices = page.getByRole("list", { name: "Push devices" });
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await expect(devices).toContainText("via push.example.test");

    const repeat = page.getByRole("spinbutton", { name: "Repeat every (minutes)" });
    await expect(repeat).toHaveValue("2");
    await repeat.fill("5");
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByText("Notification settings saved.")).toBeVisible();
    await screenshotBoth(page, "notification-settings");
    await page.reload();
    await expect(page.getByRole("spinbutton", { name: "Repeat every (minutes)" })).toHaveValue("5");

    // Out of range: refused, naming the field.
    await page.getByRole("spinbutton", { name: "Repeat every (minutes)" }).fill("90");
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByText("At most 60 minutes")).toBeVisible();
    await expect(page.getByRole("spinbutton", { name: "Repeat every (minutes)" })).toHaveValue("90");

    // The test push goes out and reports what the (non-existent) push service did.
    await page.getByRole("button", { name: "Send a test push" }).click();
    await expect(page.getByText(/Test push not delivered\. push\.example\.test: push service unreachable/)).toBeVisible();

    await devices.getByRole("button", { name: /^Remove / }).click();
    await expect(page.getByText("No device receives push yet.")).toBeVisible();

    // This browser: the service worker registers and the button asks to subscribe. Headless
    // Chromium has no push service, so either outcome is a clear message, never a silent failure.
    await context.grantPermissions(["notifications"]);
    await page.getByRole("button", { name: "Enable push on this device" }).click();
    await expect(page.getByText(/Push is on for this browser|could not subscribe to push/)).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
    await screenshotBoth(page, "notification-settings-enable");
  });

  test("the app is installable: a manifest with icons, and a service worker script", async ({ request }) => {
    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "Baton", display: "standalone", start_url: "/", theme_color: "#4f46e5" });
    for (const icon of manifest.icons as { src: string; purpose: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
    expect((manifest.icons as { purpose: string }[]).map((i) => i.purpose)).toContain("maskable");
    const sw = await request.get("/sw.js");
    expect(sw.status()).toBe(200);
    expect(await sw.text()).toContain("notificationclick");
  });
});

test.describe("stakeholder", () => {
  test.use({ storageState: storageStateFor("stakeholder") });

  test("isn't paged: no Notifications tab, the page is refused, and no device can be registered", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" })).toHaveCount(0);
    await page.goto("/settings/notifications");
    await expect(page.getByRole("heading", { name: /don't have access/i })).toBeVisible();
    const res = await page.request.post("/api/v1/me/push-subscriptions", { data: fakeBrowserSubscription() });
    expect(res.status()).toBe(403);
  });
});
