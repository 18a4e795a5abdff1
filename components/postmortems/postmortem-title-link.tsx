import Link from "next/link";

/** "#42 Files encrypted on FS01" linking to the post-mortem: how lists name one. */
export function PostmortemTitleLink({ id, incident }: { id: string; incident: { number: number; title: string } }) {
  return (
    <Link href={`/postmortems/${id}`} className="font-medium break-words text-slate-900 hover:text-brand-700">
      <span className="mr-1.5 text-slate-500 tabular-nums">#{incident.number}</span>
      {incident.title}
    </Link>
  );
}
