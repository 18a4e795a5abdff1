"use client";

import * as React from "react";
import { useRouter } from "next/navigation";

/**
 * On an incident page the viewer was paged for: once it is on screen, their pages become read.
 * A POST after mount, so rendering the page (or prefetching it) never changes state.
 */
export function MarkPagesRead({ incidentId, action }: { incidentId: string; action: (incidentId: string) => Promise<{ changed: boolean }> }) {
  const router = useRouter();
  const done = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (done.current === incidentId) return;
    done.current = incidentId;
    void action(incidentId).then((r) => r.changed && router.refresh());
  }, [incidentId, action, router]);
  return null;
}
