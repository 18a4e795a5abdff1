"use client";

import * as React from "react";
import Link from "next/link";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { BrandLogo } from "@/components/shell/brand";
import { NavLinks } from "@/components/shell/nav-links";
import type { NavItem } from "@/components/shell/nav-icons";

export type MobileNavProps = {
  items: NavItem[];
  homeHref: string;
  /** Rendered at the bottom of the sheet (the user card). */
  footer?: React.ReactNode;
};

/** Phone/tablet navigation: a menu button that opens the nav in a sheet from the left. */
export function MobileNav({ items, homeHref, footer }: MobileNavProps) {
  const [open, setOpen] = React.useState(false);
  const close = React.useCallback(() => setOpen(false), []);

  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        className="-ml-1.5 grid size-10 place-items-center rounded-md text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900"
        aria-label="Open navigation"
      >
        <Menu aria-hidden="true" className="size-5" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[2px] data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in lg:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-[min(18rem,calc(100vw-3rem))] flex-col border-r border-border bg-surface shadow-xl focus-visible:outline-none data-[state=closed]:animate-sheet-out data-[state=open]:animate-sheet-in lg:hidden"
        >
          <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
          <div className="flex h-14 shrink-0 items-center justify-between gap-2 border-b border-border px-4">
            <Link href={homeHref} onClick={close} className="-m-1 rounded-md p-1">
              <BrandLogo />
            </Link>
            <DialogPrimitive.Close
              className="-mr-1.5 grid size-10 place-items-center rounded-md text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900"
              aria-label="Close navigation"
            >
              <X aria-hidden="true" className="size-5" />
            </DialogPrimitive.Close>
          </div>
          <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
            <NavLinks items={items} onNavigate={close} />
          </nav>
          {footer}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
