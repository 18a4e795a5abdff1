import * as React from "react";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/input";

export type TextareaProps = React.ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      data-slot="control"
      className={cn(
        controlClasses,
        "block min-h-20 resize-y py-2 leading-relaxed [&[readonly]]:bg-slate-50 [&[readonly]]:focus-visible:ring-0",
        className,
      )}
      {...props}
    />
  );
}
