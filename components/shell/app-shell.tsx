import * as React from "react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { BrandLogo } from "@/components/shell/brand";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { UserCard, type ShellUser } from "@/components/shell/user-card";
import type { NavIconName, NavItem } from "@/components/shell/nav-icons";

export type { NavIconName, NavItem, ShellUser };
export { NAV_ICONS } from "@/components/shell/nav-icons";

export type AppShellProps = {
  user: ShellUser;
  nav: NavItem[];
  signOutAction: () => Promise<void>;
  /** Where the brand links to. Defaults to the first nav item, else "/". */
  homeHref?: string;
  children: React.ReactNode;
};

/**
 * Authenticated layout. ≥1024px: fixed left sidebar with nav and user card.
 * Below: sticky top bar with a menu button opening the nav in a sheet.
 */
export function AppShell({ user, nav, signOutAction, homeHref, children }: AppShellProps) {
  const home = homeHref ?? nav[0]?.href ?? "/";
  const userCard = <UserCard user={user} signOutAction={signOutAction} />;

  return (
    <div className="min-h-dvh bg-canvas print:bg-white">
      <a
        href="#main-content"
        className="skip-link sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:rounded-md focus:bg-surface focus:px-4 focus:py-2.5 focus:text-sm focus:font-medium focus:text-fg focus:shadow-lg focus:ring-1 focus:ring-border"
      >
        Skip to content
      </a>

      {/* Desktop sidebar */}
      <aside
        aria-label="Sidebar"
        className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r border-border bg-surface print:hidden lg:flex"
      >
        <div className="flex h-16 shrink-0 items-center px-5">
          <Link href={home} className="-m-1 rounded-md p-1">
            <BrandLogo />
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 pt-1 pb-4">
          <NavLinks items={nav} />
        </nav>
        {userCard}
      </aside>

      {/* Phone / tablet top bar */}
      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-surface/85 px-4 backdrop-blur-md supports-[backdrop-filter]:bg-surface/75 sm:px-6 print:hidden lg:hidden">
        <MobileNav items={nav} homeHref={home} footer={userCard} />
        <Link href={home} className="rounded-md p-1">
          <BrandLogo />
        </Link>
        <div className="ml-auto flex items-center">
          <Avatar name={user.name || user.email} size="sm" />
        </div>
      </header>

      <div className="lg:pl-64 print:pl-0">
        <main
          id="main-content"
          tabIndex={-1}
          className="mx-auto w-full max-w-[1200px] px-4 pt-6 pb-16 focus:outline-none sm:px-6 sm:pt-8 lg:px-10 lg:pt-10"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
