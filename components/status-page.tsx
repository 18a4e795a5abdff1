import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

/**
 * The 403 and 404 pages: an icon, what happened, and the way back. A section, not a <main>: inside
 * the app the shell's <main> already holds it (Next renders these boundaries within the layouts).
 */
export function StatusPage({ icon: Icon, tone, title, message }: { icon: LucideIcon; tone: "danger" | "neutral"; title: string; message: string }) {
  return (
    <section aria-labelledby="status-title" className="grid min-h-[70vh] place-items-center px-6">
      <div className="max-w-md text-center">
        <span className={cn("mx-auto grid size-12 place-items-center rounded-full", tone === "danger" ? "bg-red-50 text-red-600" : "bg-slate-100 text-slate-600")}>
          <Icon className="size-6" aria-hidden />
        </span>
        <h1 id="status-title" className="mt-4 text-xl font-semibold text-slate-900">
          {title}
        </h1>
        <p className="mt-2 text-sm text-slate-600">{message}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
          Back to Baton
        </Link>
      </div>
    </section>
  );
}
