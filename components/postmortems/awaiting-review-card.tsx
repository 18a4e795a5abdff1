import { ClipboardCheck } from "lucide-react";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { reviewAskWording } from "./review-wording";
import { PostmortemTitleLink } from "@/components/postmortems/postmortem-title-link";

type Waiting = {
  id: string;
  incident: { number: number; title: string };
  client: { name: string };
  updatedAt: string;
};

/** Post-mortems list: the ones in review that the viewer is asked to review and has not approved yet. */
export function AwaitingReviewCard({
  postmortems,
  format,
  canComment,
}: {
  postmortems: Waiting[];
  format: (iso: string) => string;
  /** The MSP's people comment on sections; stakeholders have no comment box, so they are told otherwise. */
  canComment: boolean;
}) {
  if (!postmortems.length) return null;
  return (
    <Card className="mb-6 border-sky-300" aria-labelledby="pm-awaiting-title">
      <CardHeader>
        <CardTitle id="pm-awaiting-title" className="flex items-center gap-2">
          <ClipboardCheck className="size-5 text-sky-600" aria-hidden />{" "}
          Waiting for your review ({postmortems.length})
        </CardTitle>
        <CardDescription>
          You were asked to review these post-mortems:{" "}
          {reviewAskWording(canComment, "many")}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul
          className="divide-y divide-slate-100 text-sm"
          aria-label="Post-mortems waiting for your review"
        >
          {postmortems.map((p) => (
            <li key={p.id} className="py-2">
              <PostmortemTitleLink id={p.id} incident={p.incident} />
              <p className="text-xs text-slate-500">
                {p.client.name} · updated {format(p.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
