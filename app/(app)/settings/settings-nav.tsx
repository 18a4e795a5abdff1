import Link from "next/link";
import { cn } from "@/components/ui/cn";

export function SettingsNav({ current }: { current: "profile" | "tokens" }) {
  const items = [
    { key: "profile", href: "/settings", label: "Profile" },
    { key: "tokens", href: "/settings/tokens", label: "API tokens" },
  ] as const;
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={current === i.key ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", current === i.key ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
