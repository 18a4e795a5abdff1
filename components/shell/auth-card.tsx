import * as React from "react";
import { BrandLogo } from "@/components/shell/brand";
import { cn } from "@/components/ui/cn";

export type AuthCardProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Quiet text under the card, e.g. "Need an account? Ask your admin." */
  footer?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

/** Centred card for sign-in / magic-link / invite pages. Renders its own <main>. */
export function AuthCard({ title, description, footer, className, children }: AuthCardProps) {
  return (
    <div className="relative isolate flex min-h-dvh flex-col items-center overflow-hidden bg-canvas px-4 py-10 sm:justify-center sm:py-16">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 -z-10 bg-[radial-gradient(60rem_32rem_at_50%_-8rem,var(--color-brand-100),transparent_70%)]"
      />
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--color-border)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-border)_1px,transparent_1px)] bg-size-[40px_40px] opacity-50 mask-[radial-gradient(ellipse_70%_50%_at_50%_0%,black,transparent)]"
      />

      <main className="w-full max-w-[25rem]">
        <div className="mb-8 flex justify-center">
          <BrandLogo size="lg" />
        </div>
        <div
          className={cn(
            "rounded-2xl border border-border bg-surface p-6 shadow-lg sm:p-8",
            className,
          )}
        >
          <div className="mb-6 grid gap-1.5 text-center">
            <h1 className="text-xl leading-7 font-semibold tracking-tight text-fg">{title}</h1>
            {description ? <div className="text-sm leading-6 text-fg-muted">{description}</div> : null}
          </div>
          {children}
        </div>
        {footer ? <div className="mt-6 text-center text-sm text-fg-muted [&_a]:font-medium [&_a]:text-brand-700 [&_a]:hover:underline">{footer}</div> : null}
      </main>
    </div>
  );
}
