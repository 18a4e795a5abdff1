import * as React from "react";
import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type"> & {
  /** Inline label rendered to the right of the box (wraps both in a <label>). */
  label?: React.ReactNode;
  /** Secondary text under the label, linked with aria-describedby. */
  description?: React.ReactNode;
  /** Class for the outer wrapper (the <label> when `label` is set). */
  wrapperClassName?: string;
};

/**
 * Native checkbox, styled. Posts `name=value` (value defaults to "on") only
 * when checked, exactly like a plain HTML checkbox.
 */
export function Checkbox({ label, description, className, wrapperClassName, id, ...props }: CheckboxProps) {
  const autoId = React.useId();
  const inputId = id ?? autoId;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const describedBy = [props["aria-describedby"], descriptionId].filter(Boolean).join(" ") || undefined;

  const box = (
    <span className="relative inline-flex size-4 shrink-0 items-center justify-center">
      <input
        type="checkbox"
        id={inputId}
        data-slot="control"
        className={cn(
          "peer size-4 shrink-0 appearance-none rounded-[0.3rem] border border-border-strong bg-surface shadow-xs",
          "transition-[background-color,border-color] duration-150 hover:border-slate-400",
          "checked:border-brand-600 checked:bg-brand-600 checked:hover:border-brand-700 checked:hover:bg-brand-700",
          "disabled:cursor-not-allowed disabled:border-border disabled:bg-slate-100 disabled:checked:bg-slate-400 disabled:checked:border-slate-400",
          "aria-invalid:border-red-500 group-data-invalid/field:border-red-500",
          className,
        )}
        {...props}
        aria-describedby={describedBy}
      />
      <Check
        aria-hidden="true"
        strokeWidth={3.25}
        className="pointer-events-none absolute size-3 text-white opacity-0 transition-opacity duration-100 peer-checked:opacity-100"
      />
    </span>
  );

  if (!label) {
    return wrapperClassName ? <span className={cn("inline-flex", wrapperClassName)}>{box}</span> : box;
  }

  return (
    <label
      htmlFor={inputId}
      className={cn(
        "flex items-start gap-2.5 text-sm has-disabled:cursor-not-allowed has-disabled:opacity-70",
        wrapperClassName,
      )}
    >
      <span className="mt-0.5 inline-flex">{box}</span>
      <span className="min-w-0">
        <span className="block font-medium text-fg">{label}</span>
        {description ? (
          <span id={descriptionId} className="mt-0.5 block text-fg-muted">
            {description}
          </span>
        ) : null}
      </span>
    </label>
  );
}
