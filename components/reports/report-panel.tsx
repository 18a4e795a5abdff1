import * as React from "react";
import Link from "next/link";
import { ChevronRight, Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/** "Download CSV" for one table; the visible text stays short, the accessible name says which table. */
export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} download aria-label={`Download CSV: ${what}`}>
        <Download aria-hidden /> CSV
      </a>
    </Button>
  );
}

/**
 * One report figure: a chart people look at, with the table it is drawn from right behind it
 * (in a disclosure unless `tableOpen`) and the CSV of that table.
 */
export function ReportPanel({
  title,
  description,
  csv,
  chart,
  table,
  tableOpen = false,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  csv?: { href: string; what?: string };
  chart?: React.ReactNode;
  table: React.ReactNode;
  tableOpen?: boolean;
  className?: string;
}) {
  return (
    <Card className={cn("flex flex-col", className)}>
      <CardHeader actions={csv ? <CsvLink href={csv.href} what={csv.what ?? title} /> : undefined}>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-4">
        {chart}
        {chart && !tableOpen ? (
          <details className="group mt-auto rounded-lg border border-border">
            <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-2 text-sm font-medium text-slate-700 select-none hover:text-slate-900 [&::-webkit-details-marker]:hidden">
              <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
              Show the table
            </summary>
            <div className="border-t border-border">{table}</div>
          </details>
        ) : (
          <div className="-mx-5 border-t border-border sm:-mx-6">{table}</div>
        )}
      </CardContent>
    </Card>
  );
}

/** A headline figure: what it is, the number, and what it is made of. */
export function StatTile({ label, value, detail, tone = "neutral", href }: { label: string; value: React.ReactNode; detail?: React.ReactNode; tone?: "neutral" | "warning" | "danger" | "good"; href?: string }) {
  const body = (
    <>
      <dt className="text-[0.8125rem] font-medium text-fg-muted">{label}</dt>
      <dd
        className={cn(
          "mt-1 text-2xl leading-8 font-semibold tracking-tight tabular-nums",
          tone === "danger" ? "text-red-700" : tone === "warning" ? "text-amber-700" : tone === "good" ? "text-emerald-700" : "text-fg",
        )}
      >
        {value}
      </dd>
      {detail ? <dd className="mt-0.5 text-xs text-fg-subtle">{detail}</dd> : null}
    </>
  );
  const box = "block min-w-0 rounded-xl border border-border bg-surface px-4 py-3.5 shadow-xs";
  return href ? (
    <Link href={href} className={cn(box, "transition-colors hover:border-brand-300 hover:bg-brand-50/40")}>
      <dl>{body}</dl>
    </Link>
  ) : (
    <dl className={box}>{body}</dl>
  );
}

/** A row of StatTiles that wraps to two columns on phones. */
export function StatGrid({ children, label, className }: { children: React.ReactNode; label: string; className?: string }) {
  return (
    <section aria-label={label} className={cn("grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6", className)}>
      {children}
    </section>
  );
}
