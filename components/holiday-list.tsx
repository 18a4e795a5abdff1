import type { Holiday } from "@/lib/http/common-schemas";

/** A holiday calendar, read-only: date and name per row, or a quiet line when there are none. */
export function HolidayList({ holidays }: { holidays: Holiday[] }) {
  if (holidays.length === 0) return <p className="text-sm text-slate-600">None listed.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Holidays">
      {holidays.map((h) => (
        <li key={h.date} className="flex justify-between gap-4 py-2 text-sm">
          <span className="shrink-0 tabular-nums text-slate-700">{h.date}</span>
          <span className="min-w-0 text-right text-slate-600">{h.name}</span>
        </li>
      ))}
    </ul>
  );
}
