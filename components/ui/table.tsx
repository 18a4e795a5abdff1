import * as React from "react";
import { cn } from "@/components/ui/cn";

export type TableProps = React.ComponentProps<"table"> & {
  /**
   * Accessible name for the scroll region. When set, the horizontally
   * scrolling wrapper becomes a focusable, labelled region so keyboard users
   * can scroll it on small screens.
   */
  label?: string;
  /** Draw the rounded border + white surface around the table (default true). Use false inside a Card. */
  framed?: boolean;
  containerClassName?: string;
};

/**
 * Data table. The wrapper scrolls horizontally on narrow screens instead of
 * squashing columns; give wide tables a `min-w-*` via className if needed.
 */
export function Table({ className, label, framed = true, containerClassName, ...props }: TableProps) {
  return (
    <div
      data-slot="table-container"
      data-scroll-container=""
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={label ? 0 : undefined}
      className={cn(
        "relative w-full min-w-0 overflow-x-auto overscroll-x-contain",
        framed && "rounded-xl border border-border bg-surface shadow-xs",
        label && "focus-visible:outline-offset-0",
        containerClassName,
      )}
    >
      <table className={cn("w-full caption-bottom border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export type TableCaptionProps = React.ComponentProps<"caption">;

export function TableCaption({ className, ...props }: TableCaptionProps) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-fg-muted", className)} {...props} />;
}

export type THeadProps = React.ComponentProps<"thead">;

export function THead({ className, ...props }: THeadProps) {
  return <thead className={cn("bg-surface-muted [&_tr]:border-b [&_tr]:border-border", className)} {...props} />;
}

export type TBodyProps = React.ComponentProps<"tbody">;

export function TBody({ className, ...props }: TBodyProps) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export type TRProps = React.ComponentProps<"tr">;

export function TR({ className, ...props }: TRProps) {
  return (
    <tr
      className={cn(
        "border-b border-border transition-colors [tbody_&]:hover:bg-slate-50/70 data-[state=selected]:bg-brand-50/60",
        className,
      )}
      {...props}
    />
  );
}

export type THProps = React.ComponentProps<"th">;

export function TH({ className, scope = "col", ...props }: THProps) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 px-4 text-left align-middle text-xs font-medium whitespace-nowrap text-fg-muted first:pl-5 last:pr-5",
        "[tbody_&]:h-auto [tbody_&]:py-3 [tbody_&]:text-sm [tbody_&]:text-fg",
        className,
      )}
      {...props}
    />
  );
}

export type TDProps = React.ComponentProps<"td">;

export function TD({ className, ...props }: TDProps) {
  return <td className={cn("px-4 py-3 align-middle text-fg first:pl-5 last:pr-5", className)} {...props} />;
}
