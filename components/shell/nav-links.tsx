"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ICONS, type NavItem } from "@/components/shell/nav-icons";

/** The nav item whose href is the longest prefix of the current path (so /teams/42 highlights /teams). */
function activeHref(pathname: string, items: NavItem[]): string | undefined {
  let best: string | undefined;
  for (const { href } of items) {
    const base = href.split(/[?#]/)[0] ?? href;
    const matches =
      base === "/" ? pathname === "/" : pathname === base || pathname.startsWith(base.endsWith("/") ? base : `${base}/`);
    if (matches && (!best || base.length > best.length)) best = base;
  }
  return best;
}

export type NavLinksProps = {
  items: NavItem[];
  /** Called after a link is clicked (the mobile sheet uses it to close itself). */
  onNavigate?: () => void;
  className?: string;
};

export function NavLinks({ items, onNavigate, className }: NavLinksProps) {
  const pathname = usePathname() ?? "/";
  const current = activeHref(pathname, items);

  return (
    <ul className={cn("grid gap-0.5", className)}>
      {items.map((item) => {
        const Icon = NAV_ICONS[item.icon];
        const active = (item.href.split(/[?#]/)[0] ?? item.href) === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "group flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium transition-colors",
                "focus-visible:outline-offset-0",
                active
                  ? "bg-brand-50 text-brand-800"
                  : "text-slate-600 hover:bg-slate-100/80 hover:text-slate-900",
              )}
            >
              <Icon
                aria-hidden="true"
                strokeWidth={active ? 2.1 : 1.85}
                className={cn(
                  "size-[1.125rem] shrink-0 transition-colors",
                  active ? "text-brand-600" : "text-slate-400 group-hover:text-slate-600",
                )}
              />
              <span className="min-w-0 flex-1 truncate">{item.label}</span>
              {item.badge !== undefined && item.badge !== "" ? (
                <span
                  className={cn(
                    "ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1.5 text-[0.6875rem] font-semibold tabular-nums",
                    active ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-600 group-hover:bg-slate-200/70",
                  )}
                >
                  {item.badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
