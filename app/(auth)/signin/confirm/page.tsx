import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/shell/auth-card";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Confirm sign-in", referrer: "no-referrer" };

/**
 * The emailed link lands here. Opening it changes nothing (mail scanners follow links);
 * the button POSTs the one-time token to Auth.js, which signs in and spends the token.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token, email, callbackUrl } = await searchParams;
  if (!token || !email) {
    return (
      <AuthCard title="This link is incomplete" description="Open the link from your email again, or ask for a new one.">
        <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to sign in
        </Link>
      </AuthCard>
    );
  }
  const query = new URLSearchParams({ token, email, ...(callbackUrl ? { callbackUrl } : {}) });
  return (
    <AuthCard title="Sign in to Baton" description={`Continue as ${email}.`}>
      <form method="post" action={`/api/auth/callback/email?${query.toString()}`}>
        <Button type="submit" className="w-full" size="md">
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-center text-xs text-slate-500">Not you? Close this page; nothing happens until you press the button.</p>
    </AuthCard>
  );
}
