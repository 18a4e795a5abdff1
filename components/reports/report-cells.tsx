import type * as React from "react";
import { Table } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import "./report-table.css";

// Rows and cells of the report tables: plain elements styled by `.report-table` (report-table.css)
// rather than components/ui/table's class list on each cell (or a row's hover tint, or a figure's
// alignment, on each row and cell). Same look, a fraction of the HTML and of the RSC payload.

const join = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ") || undefined;

type THProps = React.ComponentProps<"th">;
type TDProps = React.ComponentProps<"td">;

export function THead(props: React.ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TBody(props: React.ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

/** A row; hovering a body row tints it (report-table.css; a row's own utilities, such as a highlighted row's tint, win). */
export function TR(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

export function TH({ className, scope = "col", ...props }: THProps) {
  return <th scope={scope} className={className} {...props} />;
}

export function TD(props: TDProps) {
  return <td {...props} />;
}

/** A figure: right-aligned, tabular digits, never wrapped ("4 min 12 s" stays on one line): `.num` in report-table.css. */
export function Num({ className, ...props }: TDProps) {
  return <td className={join("num", className)} {...props} />;
}

/** The column head over figures (right-aligned, `.num`). */
export function NumHead({ className, ...props }: THProps) {
  return <TH className={join("num", className)} {...props} />;
}

/** The row's name, as the header of its row for screen readers (medium weight: report-table.css). */
export function RowHead(props: Omit<THProps, "scope">) {
  return <th scope="row" {...props} />;
}

/** A report table inside its panel: scrolls sideways on phones, named by its caption (read out, not shown). */
export function ReportTable({ caption, label, id, className, children }: { caption: string; label?: string; id?: string; className?: string; children: React.ReactNode }) {
  return (
    <Table id={id} label={label ?? caption} framed={false} className={cn("report-table", className)}>
      <caption className="sr-only">{caption}</caption>
      {children}
    </Table>
  );
}
