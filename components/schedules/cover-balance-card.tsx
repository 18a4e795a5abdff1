import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LedgerBalance } from "@/lib/swaps/ledger-balances";
import { formatHours } from "./format";

/** A person's cover balance: hours they covered and were covered, and the weighted burden owed either way. `name` is null for the viewer's own. */
export function CoverBalanceCard({ balance, name }: { balance: LedgerBalance | undefined; name: string | null }) {
  const self = name === null;
  const owed = balance?.burdenOwedToThem ?? 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Cover balance</CardTitle>
        <CardDescription>{self ? "Hours you covered for colleagues and they covered for you" : `Hours ${name} covered for colleagues and they covered for ${name}`}, through approved swaps and covers.</CardDescription>
      </CardHeader>
      <CardContent className="pt-3">
        <dl className="grid grid-cols-2 gap-3">
          <div className="rounded-lg bg-slate-50 px-3 py-2.5">
            <dt className="text-xs text-slate-500">{self ? "You covered" : "Covered for others"}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{formatHours(balance?.coveredForOthersHours ?? 0)}</dd>
          </div>
          <div className="rounded-lg bg-slate-50 px-3 py-2.5">
            <dt className="text-xs text-slate-500">{self ? "Covered for you" : "Others covered"}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{formatHours(balance?.coveredByOthersHours ?? 0)}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-700" data-testid="ledger-burden">
          {Math.abs(owed) < 0.05 ? (
            self ? "You are even with your colleagues." : `${name} is even with colleagues.`
          ) : owed > 0 ? (
            <>
              Colleagues owe {self ? "you" : name} <strong className="font-semibold text-emerald-700">{formatHours(owed)}</strong> of weighted on-call; the generator gives it back.
            </>
          ) : (
            <>
              {self ? "You owe" : `${name} owes`} colleagues <strong className="font-semibold text-amber-700">{formatHours(Math.abs(owed))}</strong> of weighted on-call; expect a little more later.
            </>
          )}
        </p>
        <p className="mt-1 text-xs text-slate-500">Weighted hours count nights, weekends and holidays more than office hours.</p>
      </CardContent>
    </Card>
  );
}
