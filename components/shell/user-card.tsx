import * as React from "react";
import { LogOut } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { RoleBadge, type BadgeRole } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";

export type ShellUser = {
  name: string;
  email: string;
  role: BadgeRole;
};

export type UserCardProps = {
  user: ShellUser;
  signOutAction: () => Promise<void>;
};

/** Signed-in person, their role and a "Sign out" form — bottom of the sidebar and mobile sheet. */
export function UserCard({ user, signOutAction }: UserCardProps) {
  return (
    <div className="shrink-0 border-t border-border p-3">
      <div className="flex items-center gap-3 rounded-lg px-2 pt-1.5 pb-2">
        <Avatar name={user.name || user.email} size="md" decorative />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm leading-5 font-medium text-fg" title={user.name}>
            {user.name}
          </p>
          <p className="truncate text-xs leading-4 text-fg-muted" title={user.email}>
            {user.email}
          </p>
        </div>
      </div>
      <div className="flex items-center justify-between gap-2 pl-2">
        <RoleBadge role={user.role} />
        <form action={signOutAction}>
          <SubmitButton variant="ghost" size="sm" pendingLabel="Signing out…" className="text-fg-muted">
            <LogOut aria-hidden="true" />
            Sign out
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
