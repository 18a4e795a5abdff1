import type { Metadata } from "next";
import { PageError } from "@/components/page-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listTokens } from "@/lib/tokens/list-tokens";
import { revokeTokenAction } from "../actions";
import { SettingsNav } from "../settings-nav";
import { CreateTokenForm } from "./create-token-form";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "API tokens" };

const when = (iso: string | null, zone: string) => (iso ? formatDateTime(iso, zone) : "—");

export default async function TokensPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const tokens = await orInterrupt(() => listTokens(ctx));
  const all = can(ctx.viewer, "tokens:manage-any");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Settings" />
      <SettingsNav current="tokens" notifications={can(ctx.viewer, "incidents:respond")} />
      <PageError error={error} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>API tokens</CardTitle>
          <CardDescription>
            A token acts as you, with your role, on the REST API (<code className="font-mono text-xs">Authorization: Bearer …</code>). Baton keeps only its hash.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm />
        </CardContent>
      </Card>
      {tokens.length > 0 && (
        <Table label="API tokens">
          <THead>
            <TR>
              <TH>Name</TH>
              {all && <TH>Owner</TH>}
              <TH>Prefix</TH>
              <TH className="hidden sm:table-cell">Last used</TH>
              <TH className="text-right">Status</TH>
            </TR>
          </THead>
          <TBody>
            {tokens.map((t) => (
              <TR key={t.id}>
                <TD className="font-medium text-slate-900">{t.name}</TD>
                {all && <TD className="text-sm text-slate-600">{t.ownerEmail}</TD>}
                <TD>
                  <code className="font-mono text-xs text-slate-700">baton_{t.prefix}_…</code>
                </TD>
                <TD className="hidden text-sm text-slate-600 sm:table-cell">{when(t.lastUsedAt, ctx.viewer.timeZone)}</TD>
                <TD className="text-right">
                  {t.revokedAt ? (
                    <Badge variant="neutral">Revoked</Badge>
                  ) : (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="tokenId" value={t.id} />
                      <Button type="submit" size="sm" variant="outline">
                        Revoke
                      </Button>
                    </form>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
