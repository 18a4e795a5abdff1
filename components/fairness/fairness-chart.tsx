import { cn } from "@/components/ui/cn";

export type FairnessBar = { userId: string; name: string; value: number; flagged: boolean };

/**
 * Horizontal bars of normalised burden per person with the team mean as a vertical line.
 * Decorative for screen readers: the table below carries the same numbers.
 */
export function FairnessChart({ bars, mean }: { bars: FairnessBar[]; mean: number }) {
  const max = Math.max(mean, ...bars.map((b) => b.value), 1) * 1.08;
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <figure aria-hidden className="space-y-2.5">
      {bars.map((b) => (
        <div key={b.userId} className="grid grid-cols-[minmax(0,7.5rem)_1fr_3.5rem] items-center gap-3 text-sm sm:grid-cols-[minmax(0,11rem)_1fr_4rem]">
          <span className={cn("truncate", b.flagged ? "font-medium text-amber-900" : "text-slate-700")}>{b.name}</span>
          <div className="relative h-6 rounded-md bg-slate-100">
            <div className={cn("absolute inset-y-0 left-0 rounded-md", b.flagged ? "bg-amber-500" : "bg-brand-500")} style={{ width: pct(b.value) }} />
            <div className="absolute -inset-y-1 w-0.5 bg-slate-900" style={{ left: pct(mean) }} />
          </div>
          <span className="text-right text-slate-700 tabular-nums">{b.value.toFixed(1)}</span>
        </div>
      ))}
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 pt-1 text-xs text-slate-600">
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-0.5 bg-slate-900" /> Team mean ({mean.toFixed(1)})
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 rounded-sm bg-brand-500" /> Within a shift of the mean
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 rounded-sm bg-amber-500" /> More than a shift above
        </span>
      </figcaption>
    </figure>
  );
}
