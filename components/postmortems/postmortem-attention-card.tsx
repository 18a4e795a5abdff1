import Link from "next/link";
import { CalendarClock } from "lucide-react";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";

type Attention = {
  meetings: {
    postmortemId: string;
    incidentNumber: number;
    title: string;
    client: string;
    reason: "unscheduled" | "not_held";
    due: string;
  }[];
  actionItems: {
    postmortemId: string;
    incidentNumber: number;
    title: string;
    owner: string | null;
    dueDate: string;
  }[];
};

/** Dashboard: after-action meetings not scheduled within 14 days or past and not held, and action items past due. */
export function PostmortemAttentionCard({
  attention,
}: {
  attention: Attention;
}) {
  if (!attention.meetings.length && !attention.actionItems.length) return null;
  return (
    <Card
      className="mb-6 border-amber-300"
      aria-labelledby="pm-attention-title"
    >
      <CardHeader>
        <CardTitle id="pm-attention-title" className="flex items-center gap-2">
          <CalendarClock className="size-5 text-amber-600" aria-hidden />{" "}
          Post-mortems overdue
        </CardTitle>
        <CardDescription>
          After-action meetings belong within 14 days of resolution; action
          items past their due date.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul
          className="divide-y divide-slate-100 text-sm"
          aria-label="Overdue post-mortem work"
        >
          {attention.meetings.map((m) => (
            <li key={`m-${m.postmortemId}`} className="py-2">
              <Link
                href={`/postmortems/${m.postmortemId}#meeting`}
                className="font-medium text-slate-900 hover:text-brand-700"
              >
                #{m.incidentNumber} {m.title}
              </Link>
              <p className="text-xs text-slate-500">
                {m.client} · meeting{" "}
                {m.reason === "unscheduled"
                  ? "not scheduled"
                  : "held? publish the post-mortem"}
              </p>
            </li>
          ))}
          {attention.actionItems.map((a, i) => (
            <li key={`a-${a.postmortemId}-${i}`} className="py-2">
              <Link
                href={`/postmortems/${a.postmortemId}#action-items`}
                className="font-medium text-slate-900 hover:text-brand-700"
              >
                {a.title}
              </Link>
              <p className="text-xs text-slate-500">
                #{a.incidentNumber} · {a.owner ?? "no owner"} · due {a.dueDate}
              </p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
