import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { devMailboxOpen } from "@/lib/env";
import { readMailbox } from "@/lib/mailer/read-mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

/** The local outbox: what Baton would have emailed. Exists only while no real mail transport is set. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!devMailboxOpen()) notFound();
  const { to } = await searchParams;
  const messages = await readMailbox(await getDb(), { to: to?.trim().toLowerCase() || undefined, limit: 100 });
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Dev mailbox</h1>
          <p className="mt-1 text-sm text-slate-600">Emails Baton sent through the local outbox (set RESEND_API_KEY to send real mail; this page then disappears).</p>
        </div>
        <form className="flex gap-2" method="get">
          <input name="to" defaultValue={to} placeholder="Filter by recipient" aria-label="Recipient" className="h-9 rounded-md border border-slate-300 px-3 text-sm" />
          <button className="h-9 rounded-md bg-slate-900 px-3 text-sm font-medium text-white">Filter</button>
        </form>
      </header>
      {messages.length === 0 ? (
        <EmptyState icon={Inbox} title="No messages" description="Sign-in links, invitations and pages will appear here." />
      ) : (
        <div className="space-y-4">
          {messages.map((m) => (
            <Card key={m.id}>
              <CardHeader>
                <CardTitle as="h2" className="text-base">
                  {m.subject}
                </CardTitle>
                <p className="text-xs text-slate-500">
                  To {m.to} · {m.createdAt.toISOString()}
                </p>
              </CardHeader>
              <CardContent>
                <iframe title={`Email: ${m.subject}`} srcDoc={m.html} sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" className="h-80 w-full rounded-md border border-slate-200 bg-white" />
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </main>
  );
}
