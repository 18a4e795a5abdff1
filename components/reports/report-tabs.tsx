import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type ReportTab = { id: string; label: string; href: string };

/** The report tabs as links (?tab=…), so each tab has its own shareable URL and works without JavaScript. */
export function ReportTabs({ tabs, active }: { tabs: ReportTab[]; active: string }) {
  return (
    <nav aria-label="Report tabs" className="-mx-4 mb-5 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {tabs.map((t) => {
          const current = t.id === active;
          return (
            <li key={t.id}>
              <Link
                href={t.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
