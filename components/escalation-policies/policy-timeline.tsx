import { BellRing, CircleStop, Mail, Repeat, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

type Step = { at: string; text: string; kind: "level" | "repeat" | "failover" | "unanswered"; level?: number };

/** describePolicy's lines ("0 min: on-call of …", "15 min: repeat once …", "30 min: failover email to …", "Stops when …") as steps. */
function stepsOf(lines: string[]): { steps: Step[]; footnotes: string[] } {
  const steps: Step[] = [];
  const footnotes: string[] = [];
  let level = 0;
  for (const line of lines) {
    const m = /^(\d+ min): (.*)$/.exec(line);
    if (!m) {
      footnotes.push(line);
      continue;
    }
    const [, at, text] = m as unknown as [string, string, string];
    if (text.startsWith("repeat ")) steps.push({ at, text, kind: "repeat" });
    else if (text.startsWith("failover ")) steps.push({ at, text, kind: "failover" });
    else if (text.startsWith("marked unanswered")) steps.push({ at, text, kind: "unanswered" });
    else steps.push({ at, text, kind: "level", level: ++level });
  }
  return { steps, footnotes };
}

const DOT = {
  level: "bg-brand-600 text-white",
  repeat: "bg-amber-100 text-amber-700 ring-1 ring-amber-300",
  failover: "bg-red-50 text-red-700 ring-1 ring-red-200",
  unanswered: "bg-slate-100 text-slate-600 ring-1 ring-slate-300",
} as const;
const ICON = { repeat: Repeat, failover: Mail, unanswered: TriangleAlert } as const;

/**
 * A policy as a vertical timeline: who is paged at which minute, the repeat, the failover email,
 * and what stops it. Each step's text reads as its describePolicy line ("0 min: …").
 */
export function PolicyTimeline({ lines, className }: { lines: string[]; className?: string }) {
  const { steps, footnotes } = stepsOf(lines);
  return (
    <div className={className}>
      <ol className="relative" aria-label="Escalation timeline">
        {steps.map((s, i) => {
          const Icon = s.kind === "level" ? null : ICON[s.kind];
          return (
            <li key={i} className="relative flex gap-3 pb-5 last:pb-0" data-kind={s.kind}>
              {i < steps.length - 1 && <span aria-hidden className="absolute top-7 bottom-1 left-[0.8125rem] w-px bg-slate-200" />}
              {/* The level number is drawn by CSS, so the step's text stays its describePolicy line. */}
              <span aria-hidden data-level={s.level} className={cn("relative z-10 grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold tabular-nums ring-4 ring-white before:content-[attr(data-level)]", DOT[s.kind])}>
                {Icon && <Icon className="size-3.5" />}
              </span>
              <div className="min-w-0 pt-0.5">
                <p className="flex items-baseline gap-2 text-xs font-semibold text-slate-500">
                  <time className="tabular-nums">{s.at}</time>
                  <span className="sr-only">: </span>
                </p>
                <p className="mt-0.5 text-sm leading-5 break-words text-slate-900 first-letter:uppercase">{s.text}</p>
              </div>
            </li>
          );
        })}
      </ol>
      {footnotes.map((f) => (
        <p key={f} className="mt-4 flex items-center gap-2 border-t border-slate-100 pt-3 text-[0.8125rem] text-slate-600">
          <CircleStop aria-hidden className="size-4 shrink-0 text-emerald-600" /> {f}
        </p>
      ))}
      {steps.length === 0 && (
        <p className="flex items-center gap-2 text-sm text-slate-500">
          <BellRing aria-hidden className="size-4" /> Add a level to see who is paged when.
        </p>
      )}
    </div>
  );
}
