"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { requestOrigin } from "@/lib/auth/session-viewer";
import { inviteUser } from "@/lib/users/invite-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { updateUser } from "@/lib/users/update-user";

export const inviteUserAction = safeAction(async (ctx, form) => {
  const user = await inviteUser({ ctx, input: formInput(form, { arrays: ["clientIds"] }), origin: await requestOrigin() });
  return { message: `Invited ${user.email}. They will get an email with a link to sign in.`, revalidate: ["/people"] };
});

export const changeRoleAction = plainAction("/people", async (ctx, form) => {
  await updateUser({ ctx, input: { userId: form.get("userId"), role: form.get("role") } });
});

export const setDisabledAction = plainAction("/people", async (ctx, form) => {
  await setUserDisabled({ ctx, input: formInput(form), origin: await requestOrigin() });
});
