import { ShieldX } from "lucide-react";
import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return <StatusPage icon={ShieldX} tone="danger" title="You don't have access to this page" message="Your role does not include it. If you need it, ask an administrator." />;
}
