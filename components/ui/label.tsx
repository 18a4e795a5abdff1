import * as React from "react";
import * as LabelPrimitive from "@radix-ui/react-label";
import { cn } from "@/components/ui/cn";

export type LabelProps = React.ComponentProps<typeof LabelPrimitive.Root>;

export function Label({ className, ...props }: LabelProps) {
  return (
    <LabelPrimitive.Root
      className={cn(
        "inline-flex items-center gap-1 text-sm leading-5 font-medium text-slate-800 select-none",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
