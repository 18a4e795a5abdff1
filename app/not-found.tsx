import { SearchX } from "lucide-react";
import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return <StatusPage icon={SearchX} tone="neutral" title="Not found" message="This page does not exist, or it is not shared with you." />;
}
