import * as React from "react";
import { cn } from "@/components/ui/cn";

/**
 * Shared look for text-like form controls (input, textarea, select).
 * Invalid state comes from aria-invalid on the control (set by <Field error>)
 * or from an enclosing <Field> carrying data-invalid.
 */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-border-strong bg-surface px-3 text-base text-fg shadow-xs sm:text-sm",
  "placeholder:text-slate-500/85",
  "transition-[border-color,box-shadow,background-color] duration-150 hover:border-slate-400/70",
  "focus-visible:border-brand-500 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-brand-500/20",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 disabled:shadow-none",
  "aria-invalid:border-red-500 aria-invalid:hover:border-red-500 aria-invalid:focus-visible:border-red-500 aria-invalid:focus-visible:ring-red-500/20",
  "group-data-invalid/field:border-red-500 group-data-invalid/field:focus-visible:ring-red-500/20",
);

export type InputProps = React.ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      data-slot="control"
      className={cn(
        controlClasses,
        "h-10 sm:h-9",
        "[&[readonly]]:bg-slate-50 [&[readonly]]:focus-visible:ring-0",
        "file:mr-3 file:h-full file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-slate-700",
        type === "file" && "py-1.5 pl-1.5",
        className,
      )}
      {...props}
    />
  );
}
