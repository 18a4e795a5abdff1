import { test as setup } from "@playwright/test";
import { ROLE_EMAILS, signInAs, storageStateFor, type E2ERole } from "./support/sign-in";

// One signed-in browser state per role, saved once and reused by every spec.
for (const role of Object.keys(ROLE_EMAILS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAs(page, ROLE_EMAILS[role]);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
