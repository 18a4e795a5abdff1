import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";

test.use({ storageState: storageStateFor("manager") });

test("a token made in Settings lists teams; no token gets 401", async ({ page, playwright, baseURL }) => {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^baton_[a-z2-9]{8}_/);

  const api = await playwright.request.newContext({ baseURL });
  const ok = await api.get("/api/v1/teams", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.nextCursor).toBeNull();
  expect(body.data.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["Security Operations", "Service Desk"]));

  const anonymous = await api.get("/api/v1/teams");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");

  const bad = await api.post("/api/v1/teams", { headers: { Authorization: `Bearer ${token}` }, data: { name: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0]).toMatchObject({ path: "name" });

  // A path no route answers is the API's JSON 404, not the site's HTML page.
  for (const path of ["/api/v1/no-such-thing", "/api/v1/swap-requests/3f1c1a52-0000-4000-8000-000000000000"]) {
    const missing = await api.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect((await missing.json()).error).toMatchObject({ code: "not_found", message: `The API route GET ${path} (see /api/v1/openapi.json) was not found.` });
  }
  await api.dispose();
});

test("a one-button action that succeeds clears an earlier error from the page", async ({ page }) => {
  await page.goto("/settings/tokens");
  const name = `e2e stale error ${Date.now().toString(36)}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  // The page as it reads after a failed action (e.g. losing a race for an open offer).
  await page.goto("/settings/tokens?error=This%20request%20is%20already%20accepted.");
  await expect(page.getByRole("alert").filter({ hasText: "already accepted" })).toBeVisible();
  await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row").filter({ hasText: name }).getByText("Revoked")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "already accepted" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/settings\/tokens$/);
});
