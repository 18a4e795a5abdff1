import * as React from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type BreadcrumbItem = { label: React.ReactNode; href?: string };

export type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons on the right (stack under the title on phones). */
  actions?: React.ReactNode;
  /** Trail of parent pages; the last item is the current page. */
  breadcrumb?: BreadcrumbItem[];
  /** Inline element after the title, e.g. a status Badge. */
  badge?: React.ReactNode;
};

export function PageHeader({ title, description, actions, breadcrumb, badge, className, ...props }: PageHeaderProps) {
  return (
    <header data-slot="page-header" className={cn("mb-6 sm:mb-8", className)} {...props}>
      {breadcrumb && breadcrumb.length > 0 ? (
        <nav aria-label="Breadcrumb" className="mb-3">
          <ol className="flex flex-wrap items-center gap-1 text-[0.8125rem] text-fg-muted">
            {breadcrumb.map((item, index) => {
              const isLast = index === breadcrumb.length - 1;
              return (
                <li key={index} className="flex min-w-0 items-center gap-1">
                  {item.href && !isLast ? (
                    <Link
                      href={item.href}
                      className="truncate rounded-sm font-medium transition-colors hover:text-fg hover:underline hover:underline-offset-4"
                    >
                      {item.label}
                    </Link>
                  ) : (
                    <span aria-current={isLast ? "page" : undefined} className={cn("truncate", isLast && "text-slate-700")}>
                      {item.label}
                    </span>
                  )}
                  {!isLast ? <ChevronRight aria-hidden="true" className="size-3.5 shrink-0 text-slate-400" /> : null}
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <h1 className="text-xl leading-8 font-semibold tracking-tight text-fg sm:text-2xl">{title}</h1>
            {badge}
          </div>
          {description ? <div className="mt-1 max-w-3xl text-sm leading-6 text-fg-muted">{description}</div> : null}
        </div>
        {actions ? (
          <div data-print="hide" className="flex shrink-0 flex-wrap items-center gap-2 sm:pt-0.5">
            {actions}
          </div>
        ) : null}
      </div>
    </header>
  );
}
