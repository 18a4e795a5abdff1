import Link from "next/link";
import { ShieldX } from "lucide-react";

export default function Forbidden() {
  return (
    <main className="grid min-h-[70vh] place-items-center px-6">
      <div className="max-w-md text-center">
        <span className="mx-auto grid size-12 place-items-center rounded-full bg-red-50 text-red-600">
          <ShieldX className="size-6" aria-hidden />
        </span>
        <h1 className="mt-4 text-xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">Your role does not include it. If you need it, ask an administrator.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
          Back to Baton
        </Link>
      </div>
    </main>
  );
}
