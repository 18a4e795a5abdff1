import { LinkIcon } from "lucide-react";
import Link from "next/link";
import { BrandLogo } from "@/components/shell/brand";

/** A forged, unknown or expired link, or one whose incident is resolved: nothing to act on. */
export default function LinkGone() {
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="px-5 pt-5 sm:px-8">
        <BrandLogo />
      </header>
      <main className="grid flex-1 place-items-center px-5 pb-16">
        <div className="w-full max-w-sm text-center">
          <span className="mx-auto grid size-14 place-items-center rounded-full bg-slate-100 text-slate-500">
            <LinkIcon className="size-6" aria-hidden />
          </span>
          <h1 className="mt-5 text-2xl font-semibold tracking-tight text-fg">This link no longer works</h1>
          <p className="mt-3 text-[0.9375rem] leading-6 text-fg-muted">The incident may be resolved already, or the link was changed on its way to you. Nothing was acknowledged.</p>
          <Link href="/incidents" className="mt-8 inline-flex h-12 w-full items-center justify-center rounded-lg border border-border-strong bg-surface px-4 text-[0.9375rem] font-medium text-slate-800 shadow-xs hover:bg-slate-50">
            See open incidents in Baton
          </Link>
        </div>
      </main>
    </div>
  );
}
