import type { Role } from "@/db/schema";

/** Every permission Baton checks. One row per role below decides who holds it. */
export const PERMISSIONS = [
  "teams:read",
  "teams:manage",
  "clients:read",
  "clients:manage",
  "users:read",
  "users:manage",
  "users:grant-admin",
  "tokens:own",
  "tokens:manage-any",
  "audit:read",
  "profile:edit",
  "services:read",
  "services:manage",
  "maintenance:manage",
  "incidents:read",
  "incidents:read-internal",
  "incidents:respond",
  "incidents:manage",
  "incidents:break-glass",
  "schedules:read",
  "schedules:manage",
  "swaps:request",
  "swaps:approve",
  "timeoff:manage",
  "escalation_policies:read",
  "escalation_policies:write",
  "reports:read",
  "reports:read-load",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  admin: PERMISSIONS,
  manager: [
    "teams:read",
    "teams:manage",
    "clients:read",
    "clients:manage",
    "users:read",
    "users:manage",
    "tokens:own",
    "profile:edit",
    "services:read",
    "services:manage",
    "maintenance:manage",
    "incidents:read",
    "incidents:read-internal",
    "incidents:respond",
    "incidents:manage",
    "schedules:read",
    "schedules:manage",
    "swaps:request",
    "swaps:approve",
    "timeoff:manage",
    "escalation_policies:read",
    "escalation_policies:write",
    "reports:read",
    "reports:read-load",
  ],
  engineer: ["teams:read", "clients:read", "users:read", "tokens:own", "profile:edit", "services:read", "maintenance:manage", "incidents:read", "incidents:read-internal", "incidents:respond", "schedules:read", "swaps:request", "escalation_policies:read", "reports:read", "reports:read-load"],
  stakeholder: ["clients:read", "tokens:own", "profile:edit", "incidents:read", "reports:read"],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  engineer: "Engineer",
  stakeholder: "Stakeholder",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including other admins, API tokens of others and the audit log.",
  manager: "Builds teams, clients, rotations and policies; invites people.",
  engineer: "Is paged, works incidents, sees the teams and clients they work for.",
  stakeholder: "Reads incident status and published reports of their own clients.",
};
