import Link from "next/link";
import { SearchX } from "lucide-react";

export default function NotFound() {
  return (
    <main className="grid min-h-[70vh] place-items-center px-6">
      <div className="max-w-md text-center">
        <span className="mx-auto grid size-12 place-items-center rounded-full bg-slate-100 text-slate-600">
          <SearchX className="size-6" aria-hidden />
        </span>
        <h1 className="mt-4 text-xl font-semibold text-slate-900">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">This page does not exist, or it is not shared with you.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
          Back to Baton
        </Link>
      </div>
    </main>
  );
}
