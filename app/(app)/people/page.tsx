import type { Metadata } from "next";
import Link from "next/link";
import { PageError } from "@/components/page-error";
import { Avatar } from "@/components/ui/avatar";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ROLES } from "@/db/schema";
import { can } from "@/lib/access/check";
import { ROLE_LABELS } from "@/lib/access/permissions";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listClients } from "@/lib/clients/read-clients";
import { listTimeZones } from "@/lib/core/time-zone";
import { orInterrupt } from "@/lib/http/page-guard";
import { listUsers } from "@/lib/users/read-users";
import { changeRoleAction, setDisabledAction } from "./actions";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const people = await orInterrupt(() => listUsers(ctx, { limit: 200 }));
  const manage = can(ctx.viewer, "users:manage");
  const grantAdmin = can(ctx.viewer, "users:grant-admin");
  const roles = ROLES.filter((r) => grantAdmin || r !== "admin").map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  // Staff have a page (shifts, covers, teams); stakeholders are on no rotation.
  const showsPage = (role: string) => can(ctx.viewer, "schedules:read") && role !== "stakeholder";
  const clients = manage ? (await listClients(ctx, { limit: 200 })).data.map((c) => ({ id: c.id, name: c.name })) : [];
  return (
    <>
      <PageHeader title="People" description={manage ? "Everyone who can sign in, and what their role lets them do." : "The people on your teams."} />
      <PageError error={error} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          <Table label="People">
            <THead>
              <TR>
                <TH>Person</TH>
                <TH>Role</TH>
                <TH className="hidden md:table-cell">Time zone</TH>
                {manage && <TH className="text-right">Actions</TH>}
              </TR>
            </THead>
            <TBody>
              {people.data.map((p) => {
                const editable = manage && p.id !== ctx.viewer.userId && (grantAdmin || p.role !== "admin");
                return (
                  <TR key={p.id} className={p.disabled ? "opacity-60" : undefined}>
                    <TD>
                      <div className="flex min-w-0 items-center gap-3">
                        <Avatar name={p.name || p.email} size="sm" />
                        <div className="min-w-0">
                          <p className="truncate text-sm font-medium text-slate-900">
                            {showsPage(p.role) ? (
                              <Link href={`/people/${p.id}`} className="hover:text-brand-700 hover:underline">
                                {p.name || p.email}
                              </Link>
                            ) : (
                              p.name
                            )}{" "}
                            {p.disabled && <Badge variant="neutral">Disabled</Badge>}
                          </p>
                          <p className="truncate text-xs text-slate-500">{p.email}</p>
                        </div>
                      </div>
                    </TD>
                    <TD>
                      {editable ? (
                        // Keyed by the saved role: after a change the form is rendered afresh with it (a reset would show the old one).
                        <form key={`${p.id}-${p.role}`} action={changeRoleAction} className="flex items-center gap-2">
                          <input type="hidden" name="userId" value={p.id} />
                          <select name="role" defaultValue={p.role} aria-label={`Role of ${p.name}`} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm">
                            {roles.map((r) => (
                              <option key={r.value} value={r.value}>
                                {r.label}
                              </option>
                            ))}
                          </select>
                          <Button type="submit" size="sm" variant="ghost">
                            Change
                          </Button>
                        </form>
                      ) : (
                        <RoleBadge role={p.role} />
                      )}
                    </TD>
                    <TD className="hidden whitespace-nowrap text-sm text-slate-600 md:table-cell">{p.timeZone}</TD>
                    {manage && (
                      <TD className="text-right">
                        {editable &&
                          (p.disabled ? (
                            <form action={setDisabledAction}>
                              <input type="hidden" name="userId" value={p.id} />
                              <input type="hidden" name="disabled" value="false" />
                              <Button type="submit" size="sm" variant="secondary">
                                Enable
                              </Button>
                            </form>
                          ) : (
                            <ConfirmDialog
                              action={setDisabledAction}
                              hidden={{ userId: p.id, disabled: "true" }}
                              title={`Disable ${p.name || p.email}?`}
                              description="They are signed out at once and can't sign in or be paged. From now on their shifts on schedules are coverage gaps (or go to a lower layer's person) until you change the rotations. You can enable them again."
                              triggerLabel="Disable"
                              triggerAriaLabel={`Disable ${p.name || p.email}`}
                              triggerVariant="ghost"
                              triggerSize="sm"
                              confirmLabel="Disable"
                              pendingLabel="Disabling…"
                            />
                          ))}
                      </TD>
                    )}
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </div>
        {manage && (
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>Invite someone</CardTitle>
              <CardDescription>They sign in with a one-time email link. Disabling someone ends their sessions at once.</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteForm roles={roles} timeZones={listTimeZones()} clients={clients} defaultTimeZone={ctx.viewer.timeZone} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
