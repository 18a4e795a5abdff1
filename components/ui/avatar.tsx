import * as React from "react";
import { cn } from "@/components/ui/cn";

const palette = [
  "bg-indigo-100 text-indigo-700",
  "bg-sky-100 text-sky-800",
  "bg-emerald-100 text-emerald-800",
  "bg-amber-100 text-amber-800",
  "bg-rose-100 text-rose-700",
  "bg-violet-100 text-violet-700",
  "bg-teal-100 text-teal-800",
  "bg-orange-100 text-orange-800",
  "bg-fuchsia-100 text-fuchsia-700",
  "bg-lime-100 text-lime-800",
  "bg-cyan-100 text-cyan-800",
  "bg-slate-200 text-slate-700",
] as const;

const sizes = {
  xs: "size-5 text-[0.5625rem]",
  sm: "size-6 text-[0.625rem]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
  xl: "size-12 text-base",
} as const;

/** Up to two initials: first letters of the first and last words ("Ada Lovelace" → "AL"). */
export function initialsFor(name: string): string {
  const words = name
    .trim()
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = last ? [Array.from(first)[0], Array.from(last)[0]] : Array.from(first).slice(0, 1);
  return letters.join("").toLocaleUpperCase();
}

/** Stable palette index for a name (FNV-1a hash), so a person keeps their colour everywhere. */
function colourFor(name: string): string {
  let hash = 0x811c9dc5;
  const key = name.trim().toLowerCase();
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length] ?? palette[0];
}

export type AvatarProps = Omit<React.ComponentProps<"span">, "children"> & {
  name: string;
  size?: keyof typeof sizes;
  /** Hide from assistive tech when the name is already printed next to it. */
  decorative?: boolean;
};

export function Avatar({ name, size = "md", decorative = false, className, ...props }: AvatarProps) {
  return (
    <span
      data-slot="avatar"
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      title={decorative ? undefined : name}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold tracking-wide uppercase select-none ring-1 ring-black/5 ring-inset",
        sizes[size],
        colourFor(name),
        className,
      )}
      {...props}
    >
      {initialsFor(name)}
    </span>
  );
}
