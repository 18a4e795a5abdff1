import * as React from "react";
import { CircleDashed, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type EmptyStateProps = Omit<React.ComponentProps<"section">, "title"> & {
  icon?: LucideIcon;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Primary call to action (Button, link). */
  action?: React.ReactNode;
  /** Small pill above the title, e.g. "Coming soon" or "Next up". */
  eyebrow?: React.ReactNode;
  /** Short list of what will appear here, shown as a checklist preview. */
  features?: React.ReactNode[];
  /** "card": dashed framed panel (default). "plain": no frame, for use inside a Card. */
  variant?: "card" | "plain";
  /** Heading level for the title. Defaults to h2. */
  headingLevel?: "h2" | "h3";
};

/** Intentional empty/"arrives soon" state for sections without content yet. */
export function EmptyState({
  icon: Icon = CircleDashed,
  title,
  description,
  action,
  eyebrow,
  features,
  variant = "card",
  headingLevel: Heading = "h2",
  className,
  ...props
}: EmptyStateProps) {
  const titleId = React.useId();
  return (
    <section
      data-slot="empty-state"
      aria-labelledby={titleId}
      className={cn(
        "relative isolate flex flex-col items-center overflow-hidden px-6 py-12 text-center sm:py-16",
        variant === "card" && "rounded-xl border border-dashed border-border-strong bg-surface/70",
        className,
      )}
      {...props}
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-56 bg-[radial-gradient(circle,var(--color-border-strong)_1px,transparent_1.5px)] bg-size-[18px_18px] mask-[radial-gradient(ellipse_50%_60%_at_50%_30%,black,transparent)] opacity-70"
      />
      <div className="relative mb-5">
        <div aria-hidden="true" className="absolute -inset-3 rounded-[1.25rem] bg-brand-100/50 blur-md" />
        <div className="relative grid size-12 place-items-center rounded-xl bg-surface text-brand-600 shadow-sm ring-1 ring-border">
          <Icon aria-hidden="true" className="size-6" strokeWidth={1.75} />
        </div>
      </div>
      {eyebrow ? (
        <span className="mb-3 inline-flex items-center rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-600/15 ring-inset">
          {eyebrow}
        </span>
      ) : null}
      <Heading id={titleId} className="text-base leading-6 font-semibold tracking-tight text-fg">
        {title}
      </Heading>
      {description ? <div className="mt-1.5 max-w-md text-sm leading-6 text-fg-muted">{description}</div> : null}
      {features && features.length > 0 ? (
        <ul className="mt-6 grid w-full max-w-xl gap-2 text-left sm:grid-cols-2">
          {features.map((feature, index) => (
            <li
              key={index}
              className="flex items-start gap-2.5 rounded-lg border border-border bg-surface px-3 py-2 text-sm text-slate-700 shadow-xs"
            >
              <span aria-hidden="true" className="mt-[0.4375rem] size-1.5 shrink-0 rounded-full bg-brand-500" />
              <span className="min-w-0">{feature}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {action ? <div className="mt-6 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </section>
  );
}
