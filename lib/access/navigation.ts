import type { NavItem } from "@/components/shell/nav-icons";
import { roleHas } from "./permissions";
import type { Viewer } from "./viewer";

/** The sections a person sees in the shell: only those their role may open (no dead links). */
export function navigationFor(viewer: Pick<Viewer, "role">, opts: { mailbox: boolean }): NavItem[] {
  const internal = viewer.role !== "stakeholder";
  const items: (NavItem | false)[] = [
    { href: "/", label: internal ? "On call" : "Overview", icon: "oncall" },
    internal && { href: "/schedules", label: "Schedules", icon: "schedules" },
    { href: "/incidents", label: "Incidents", icon: "incidents" },
    roleHas(viewer.role, "services:read") && { href: "/services", label: "Services", icon: "services" },
    roleHas(viewer.role, "escalation_policies:read") && { href: "/escalation-policies", label: "Escalation policies", icon: "escalations" },
    roleHas(viewer.role, "incidents:manage") && { href: "/incident-types", label: "Incident types", icon: "checklists" },
    { href: "/postmortems", label: "Post-mortems", icon: "postmortems" },
    { href: "/reports", label: "Reports", icon: "reports" },
    roleHas(viewer.role, "teams:read") && { href: "/teams", label: "Teams", icon: "teams" },
    { href: "/clients", label: "Clients", icon: "clients" },
    roleHas(viewer.role, "users:read") && { href: "/people", label: "People", icon: "people" },
    { href: "/settings", label: "Settings", icon: "settings" },
    opts.mailbox && roleHas(viewer.role, "users:manage") && { href: "/dev/mailbox", label: "Dev mailbox", icon: "mailbox" },
  ];
  return items.filter((i): i is NavItem => i !== false);
}
