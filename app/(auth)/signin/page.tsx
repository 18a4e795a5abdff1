import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/shell/auth-card";
import { oauthProviderNames, signIn } from "@/lib/auth/config";
import { getSessionViewer } from "@/lib/auth/session-viewer";
import { Button } from "@/components/ui/button";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ email?: string; callbackUrl?: string }> }) {
  if (await getSessionViewer()) redirect("/");
  const { email, callbackUrl } = await searchParams;
  const providers = oauthProviderNames();
  return (
    <AuthCard title="Sign in to Baton" description="We email you a one-time link. No password to remember.">
      <SignInForm email={email} callbackUrl={callbackUrl} />
      {providers.length > 0 && (
        <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
          {providers.map((p) => (
            <form
              key={p.id}
              action={async () => {
                "use server";
                await signIn(p.id, { redirectTo: "/" });
              }}
            >
              <Button variant="outline" className="w-full" type="submit">
                Continue with {p.name}
              </Button>
            </form>
          ))}
        </div>
      )}
      <p className="mt-6 text-center text-xs text-slate-500">Accounts are created by your administrator. Ask them for an invitation.</p>
    </AuthCard>
  );
}
