import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/input";

export type SelectProps = React.ComponentProps<"select"> & {
  /** Adds a first empty option (value=""), e.g. "Choose a team…". Pair with `required` to force a choice. */
  placeholder?: string;
  /** Class for the positioning wrapper (width, margins). `className` styles the <select> itself. */
  wrapperClassName?: string;
};

/**
 * Native <select>, styled. Posts like any form field, so it works in plain
 * HTML forms and server actions without JavaScript.
 */
export function Select({ className, wrapperClassName, placeholder, children, ...props }: SelectProps) {
  const multiple = Boolean(props.multiple);
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="control"
        className={cn(
          controlClasses,
          "[&>option]:text-fg",
          multiple
            ? "min-h-24 py-1.5"
            : "h-10 appearance-none truncate pr-9 has-[option[value='']:checked]:text-slate-500 sm:h-9",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
      </select>
      {multiple ? null : (
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
        />
      )}
    </div>
  );
}
