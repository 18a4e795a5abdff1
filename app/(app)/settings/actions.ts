"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { updateProfile } from "@/lib/users/update-profile";

export const updateProfileAction = safeAction(async (ctx, form) => {
  await updateProfile({ ctx, input: formInput(form) });
  return { message: "Profile saved.", revalidate: ["/settings"] };
});

export const createTokenAction = safeAction(async (ctx, form) => {
  const { token, record } = await createToken({ ctx, input: { name: form.get("name") } });
  return { message: `Token "${record.name}" created. Copy it now: it is not shown again.`, secret: token, revalidate: ["/settings/tokens"] };
});

export const revokeTokenAction = plainAction("/settings/tokens", async (ctx, form) => {
  await revokeToken({ ctx, input: { tokenId: form.get("tokenId") } });
});
