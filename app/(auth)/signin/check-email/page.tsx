import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { AuthCard } from "@/components/shell/auth-card";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <AuthCard title="Check your email" description="If that address has a Baton account, a sign-in link is on its way.">
      <div className="flex flex-col items-center gap-4 text-center">
        <span className="grid size-12 place-items-center rounded-full bg-indigo-50 text-indigo-600">
          <MailCheck className="size-6" aria-hidden />
        </span>
        <p className="text-sm text-slate-600">
          {email ? (
            <>
              We sent it to <strong className="text-slate-900">{email}</strong>.{" "}
            </>
          ) : null}
          The link works once and expires in 10 minutes.
        </p>
        <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
          Use another address
        </Link>
      </div>
    </AuthCard>
  );
}
