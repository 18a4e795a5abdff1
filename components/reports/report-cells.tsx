import type * as React from "react";
import { Table, TableCaption, TD, TH, type TDProps, type THProps } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";

/** A figure: right-aligned, tabular digits, never wrapped ("4 min 12 s" stays on one line). */
export function Num({ className, ...props }: TDProps) {
  return <TD className={cn("text-right whitespace-nowrap tabular-nums", className)} {...props} />;
}

/** The column head over figures. */
export function NumHead({ className, ...props }: THProps) {
  return <TH className={cn("text-right", className)} {...props} />;
}

/** The row's name, as the header of its row for screen readers. */
export function RowHead({ className, ...props }: Omit<THProps, "scope">) {
  return <TH scope="row" className={cn("font-medium", className)} {...props} />;
}

/** A report table inside its panel: scrolls sideways on phones, named by its caption (read out, not shown). */
export function ReportTable({ caption, label, id, className, children }: { caption: string; label?: string; id?: string; className?: string; children: React.ReactNode }) {
  return (
    <Table id={id} label={label ?? caption} framed={false} className={className}>
      <TableCaption className="sr-only">{caption}</TableCaption>
      {children}
    </Table>
  );
}
