import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/shell/auth-card";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link was already used or has expired. Links work once, for 10 minutes.",
  AccessDenied: "This account cannot sign in. Ask your administrator.",
  Configuration: "Sign-in is not configured correctly on this server.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <AuthCard title="We couldn't sign you in" description={MESSAGES[error ?? ""] ?? "Something went wrong while signing in."}>
      <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
        Request a new link
      </Link>
    </AuthCard>
  );
}
