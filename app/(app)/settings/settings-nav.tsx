import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** `notifications`: only for people who are paged (stakeholders aren't). */
export function SettingsNav({ current, notifications = false }: { current: "profile" | "notifications" | "tokens"; notifications?: boolean }) {
  const items = [
    { key: "profile", href: "/settings", label: "Profile" },
    ...(notifications ? [{ key: "notifications", href: "/settings/notifications", label: "Notifications" } as const] : []),
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
