import * as React from "react";
import { cva } from "class-variance-authority";
import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type AlertVariant = "info" | "success" | "warning" | "danger";

const alertVariants = cva("flex gap-3 rounded-lg border px-4 py-3 text-sm", {
  variants: {
    variant: {
      info: "border-sky-200 bg-sky-50 text-sky-900",
      success: "border-emerald-200 bg-emerald-50 text-emerald-900",
      warning: "border-amber-200 bg-amber-50 text-amber-900",
      danger: "border-red-200 bg-red-50 text-red-900",
    },
  },
  defaultVariants: { variant: "info" },
});

const iconStyles: Record<AlertVariant, { icon: LucideIcon; className: string }> = {
  info: { icon: Info, className: "text-sky-600" },
  success: { icon: CircleCheck, className: "text-emerald-600" },
  warning: { icon: TriangleExclamationPoint, className: "text-amber-600" },
  danger: { icon: CircleExclamationPoint, className: "text-red-600" },
};

export type AlertProps = Omit<React.ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: React.ReactNode;
  /** Replace the default icon, or pass `false` to hide it. */
  icon?: LucideIcon | false;
  /** Trailing element, e.g. a Button or link. Wraps below the text on phones. */
  action?: React.ReactNode;
};

/**
 * Inline banner. Danger alerts default to role="alert" (announced at once);
 * the others to role="status". Override with the `role` prop.
 */
export function Alert({ variant = "info", title, icon, action, role, className, children, ...props }: AlertProps) {
  const { icon: DefaultIcon, className: iconClassName } = iconStyles[variant];
  const Icon = icon === false ? null : (icon ?? DefaultIcon);
  return (
    <div
      data-slot="alert"
      role={role ?? (variant === "danger" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {Icon ? <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", iconClassName)} /> : null}
      <div className="flex min-w-0 flex-1 flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="grid min-w-0 flex-1 basis-64 gap-0.5">
          {title ? <p className="leading-5 font-semibold">{title}</p> : null}
          {children ? <div className="leading-5 opacity-90 [&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2">{children}</div> : null}
        </div>
        {action ? <div className="flex shrink-0 items-center gap-2">{action}</div> : null}
      </div>
    </div>
  );
}
