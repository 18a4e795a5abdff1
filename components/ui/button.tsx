import * as React from "react";
import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { LoaderCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";

export const buttonVariants = cva(
  [
    "relative inline-flex shrink-0 select-none items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium",
    "transition-[color,background-color,border-color,box-shadow,opacity] duration-150",
    "disabled:pointer-events-none disabled:opacity-55 aria-disabled:pointer-events-none aria-disabled:opacity-55",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
    // While pending, the spinner takes the place of a leading icon.
    "data-pending:[&>svg:not(.animate-spin)]:hidden",
  ],
  {
    variants: {
      variant: {
        primary:
          "bg-brand-600 text-white shadow-xs shadow-brand-900/20 inset-ring inset-ring-white/10 hover:bg-brand-700 active:bg-brand-800",
        secondary:
          "bg-slate-100 text-slate-900 hover:bg-slate-200/80 active:bg-slate-200",
        outline:
          "border border-border-strong bg-surface text-slate-800 shadow-xs hover:border-slate-400/70 hover:bg-slate-50 active:bg-slate-100",
        ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900 active:bg-slate-200/70",
        danger:
          "bg-red-600 text-white shadow-xs shadow-red-900/20 inset-ring inset-ring-white/10 hover:bg-red-700 active:bg-red-800 focus-visible:outline-red-600",
      },
      size: {
        sm: "h-8 px-3 text-[0.8125rem] [&_svg:not([class*='size-'])]:size-3.5",
        md: "h-9 px-3.5 text-sm",
        lg: "h-10 px-4 text-sm",
        icon: "size-9",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>["variant"]>;
export type ButtonSize = NonNullable<VariantProps<typeof buttonVariants>["size"]>;

export type ButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** Render the single child element (e.g. a next/link) with button styles. */
    asChild?: boolean;
    /** Shows a spinner, disables the button and sets aria-busy. */
    pending?: boolean;
  };

/**
 * Button. Note: like a native <button>, `type` defaults to "submit" inside a
 * form — pass type="button" for buttons that must not submit.
 */
export function Button({
  className,
  variant,
  size,
  asChild = false,
  pending = false,
  disabled,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), className);

  if (asChild) {
    return (
      <Slot className={classes} aria-disabled={disabled || pending || undefined} {...props}>
        {children}
      </Slot>
    );
  }

  return (
    <button
      className={classes}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      {...props}
    >
      {pending ? (
        <LoaderCircle aria-hidden="true" className={cn("animate-spin", size === "icon" ? "absolute" : "")} />
      ) : null}
      {size === "icon" && pending ? <span className="invisible inline-flex">{children}</span> : children}
    </button>
  );
}
