import {
  BellRing,
  Building2,
  CalendarDays,
  ChartColumn,
  FileText,
  Inbox,
  ListChecks,
  Server,
  Settings,
  Siren,
  TriangleAlert,
  UserCog,
  Users,
  Waypoints,
  type LucideIcon,
} from "lucide-react";

/** Icon keys for shell navigation items (plain strings so nav config can cross the server/client boundary). */
export type NavIconName =
  | "oncall"
  | "schedules"
  | "incidents"
  | "services"
  | "escalations"
  | "postmortems"
  | "reports"
  | "teams"
  | "clients"
  | "people"
  | "settings"
  | "mailbox"
  | "notifications"
  | "checklists";

export const NAV_ICONS: Record<NavIconName, LucideIcon> = {
  oncall: Siren,
  schedules: CalendarDays,
  incidents: TriangleAlert,
  services: Server,
  escalations: Waypoints,
  postmortems: FileText,
  reports: ChartColumn,
  teams: Users,
  clients: Building2,
  people: UserCog,
  settings: Settings,
  mailbox: Inbox,
  notifications: BellRing,
  checklists: ListChecks,
};

export type NavItem = {
  href: string;
  label: string;
  icon: NavIconName;
  /** Optional count or short tag shown at the end of the row (e.g. open incidents). */
  badge?: string | number;
};
