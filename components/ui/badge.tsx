import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/components/ui/cn";

export const badgeVariants = cva(
  "inline-flex max-w-full shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ring-1 ring-inset [&_svg]:size-3 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        neutral: "bg-slate-100 text-slate-700 ring-slate-500/15",
        info: "bg-sky-50 text-sky-800 ring-sky-600/20",
        success: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
        warning: "bg-amber-50 text-amber-800 ring-amber-600/25",
        danger: "bg-red-50 text-red-700 ring-red-600/20",
        brand: "bg-brand-50 text-brand-700 ring-brand-600/20",
        admin: "bg-violet-50 text-violet-700 ring-violet-600/20",
        manager: "bg-blue-50 text-blue-700 ring-blue-600/20",
        engineer: "bg-teal-50 text-teal-800 ring-teal-600/20",
        stakeholder: "bg-orange-50 text-orange-800 ring-orange-600/20",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

const dotColors: Record<BadgeVariant, string> = {
  neutral: "bg-slate-400",
  info: "bg-sky-500",
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
  brand: "bg-brand-500",
  admin: "bg-violet-500",
  manager: "bg-blue-500",
  engineer: "bg-teal-500",
  stakeholder: "bg-orange-500",
};

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

export type BadgeProps = React.ComponentProps<"span"> &
  VariantProps<typeof badgeVariants> & {
    /** Leading status dot in the variant colour. `"pulse"` animates it (e.g. a live incident). */
    dot?: boolean | "pulse";
  };

export function Badge({ className, variant, dot, children, ...props }: BadgeProps) {
  const dotColor = dotColors[variant ?? "neutral"];
  return (
    <span data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props}>
      {dot ? (
        <span aria-hidden="true" className="relative inline-flex size-1.5 shrink-0">
          {dot === "pulse" ? (
            <span className={cn("absolute inset-0 animate-ping rounded-full opacity-60", dotColor)} />
          ) : null}
          <span className={cn("relative inline-flex size-1.5 rounded-full", dotColor)} />
        </span>
      ) : null}
      {children}
    </span>
  );
}

export type BadgeRole = "admin" | "manager" | "engineer" | "stakeholder";

export const ROLE_BADGE_LABELS: Record<BadgeRole, string> = {
  admin: "Admin",
  manager: "Manager",
  engineer: "Engineer",
  stakeholder: "Stakeholder",
};

export type RoleBadgeProps = Omit<BadgeProps, "variant" | "children" | "role"> & {
  role: BadgeRole;
  /** Override the default label ("Admin", "Manager", ...). */
  label?: React.ReactNode;
};

/** Badge in the role's colour with its display name. */
export function RoleBadge({ role, label, ...props }: RoleBadgeProps) {
  return (
    <Badge variant={role} {...props}>
      {label ?? ROLE_BADGE_LABELS[role]}
    </Badge>
  );
}
