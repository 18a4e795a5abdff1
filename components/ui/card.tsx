import * as React from "react";
import { cn } from "@/components/ui/cn";

export type CardProps = React.ComponentProps<"div">;

export function Card({ className, ...props }: CardProps) {
  return (
    <div
      data-slot="card"
      data-print="avoid-break"
      className={cn("min-w-0 rounded-xl border border-border bg-surface text-fg shadow-xs", className)}
      {...props}
    />
  );
}

export type CardHeaderProps = React.ComponentProps<"div"> & {
  /** Right-aligned actions (buttons, menus) next to the title block. */
  actions?: React.ReactNode;
};

export function CardHeader({ className, actions, children, ...props }: CardHeaderProps) {
  return (
    <div
      data-slot="card-header"
      className={cn("flex flex-wrap items-start justify-between gap-x-4 gap-y-3 px-5 pt-5 sm:px-6", className)}
      {...props}
    >
      <div className="grid min-w-0 flex-1 gap-1">{children}</div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export type CardTitleProps = React.ComponentProps<"h2"> & {
  /** Heading level to keep the document outline right. Defaults to h2. */
  as?: "h2" | "h3" | "h4";
};

export function CardTitle({ className, as: Tag = "h2", ...props }: CardTitleProps) {
  return (
    <Tag
      data-slot="card-title"
      className={cn("text-[0.9375rem] leading-6 font-semibold tracking-tight text-fg", className)}
      {...props}
    />
  );
}

export type CardDescriptionProps = React.ComponentProps<"p">;

export function CardDescription({ className, ...props }: CardDescriptionProps) {
  return <p data-slot="card-description" className={cn("text-sm text-fg-muted", className)} {...props} />;
}

export type CardContentProps = React.ComponentProps<"div">;

export function CardContent({ className, ...props }: CardContentProps) {
  return <div data-slot="card-content" className={cn("px-5 py-5 sm:px-6", className)} {...props} />;
}

export type CardFooterProps = React.ComponentProps<"div">;

export function CardFooter({ className, ...props }: CardFooterProps) {
  return (
    <div
      data-slot="card-footer"
      className={cn(
        "flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t border-border bg-surface-muted/60 px-5 py-3 sm:px-6",
        className,
      )}
      {...props}
    />
  );
}
