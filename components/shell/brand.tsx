import * as React from "react";
import { cn } from "@/components/ui/cn";

export type BrandMarkProps = Omit<React.ComponentProps<"svg">, "children">;

/** The Baton logo mark: a relay baton in flight on an indigo tile. Decorative (aria-hidden). */
export function BrandMark({ className, ...props }: BrandMarkProps) {
  return (
    <svg
      viewBox="0 0 32 32"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn("size-7 shrink-0", className)}
      {...props}
    >
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <rect x="0.5" y="0.5" width="31" height="31" rx="7.5" stroke="#fff" strokeOpacity="0.14" />
      <path d="M5 12.5h5.5M4 16.5h5M6 20.5h3" stroke="#fff" strokeOpacity="0.55" strokeWidth="1.75" strokeLinecap="round" />
      <path d="M13 19.5 25 12.5" stroke="#fff" strokeWidth="4.75" strokeLinecap="round" />
      <path d="M15.1 16.4l1.3 2.2M21.6 12.6l1.3 2.2" className="stroke-brand-600" strokeWidth="1.25" />
    </svg>
  );
}

export type BrandLogoProps = React.ComponentProps<"span"> & {
  /** Visually hide the word "Baton" (the accessible name stays). */
  markOnly?: boolean;
  size?: "md" | "lg";
};

/** Mark + wordmark. Put it inside a link or heading; the text "Baton" is its accessible name. */
export function BrandLogo({ markOnly = false, size = "md", className, ...props }: BrandLogoProps) {
  return (
    <span className={cn("inline-flex items-center", size === "lg" ? "gap-3" : "gap-2.5", className)} {...props}>
      <BrandMark className={size === "lg" ? "size-9" : undefined} />
      <span
        className={cn(
          "leading-none font-semibold tracking-tight text-fg",
          size === "lg" ? "text-lg" : "text-[0.9375rem]",
          markOnly && "sr-only",
        )}
      >
        Baton
      </span>
    </span>
  );
}
