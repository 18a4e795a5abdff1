import { Mail, Phone, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionState } from "@/lib/actions/action-state";
import type { ContactOutput } from "@/lib/communications/schemas";
import { ContactForm } from "./contact-form";

const ROLE_LABELS: Record<ContactOutput["role"], string> = { owner: "Owner", management: "Management", partner: "Partner", vendor: "Vendor", customer: "Customer", legal: "Legal" };
const CHANNEL_LABELS = { email: "Email", phone: "Phone", sms: "SMS" } as const;

/** A client's stakeholder directory: who to tell, how, and when to call. Managers edit it. */
export function StakeholderDirectory({
  clientId,
  contacts,
  manage,
  templatesHref,
  saveAction,
  deleteAction,
}: {
  clientId: string;
  contacts: ContactOutput[];
  manage: boolean;
  templatesHref: string;
  saveAction: (s: ActionState, f: FormData) => Promise<ActionState>;
  deleteAction: (f: FormData) => Promise<void>;
}) {
  return (
    <Card id="stakeholders">
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle>Stakeholder directory</CardTitle>
            <CardDescription>Who receives incident updates, by audience. Their emails get the update templates; call by phone when it says so.</CardDescription>
          </div>
          <Button asChild variant="outline" size="sm">
            <a href={templatesHref}>Message templates</a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {contacts.length === 0 ? (
          <p className="text-sm text-slate-500">No contacts yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Stakeholder contacts">
            {contacts.map((c) => (
              <li key={c.id} className="py-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {c.name} <Badge variant="info">{ROLE_LABELS[c.role]}</Badge>
                      <span className="text-xs font-normal text-slate-500">prefers {CHANNEL_LABELS[c.preferredChannel]}</span>
                    </p>
                    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                      {c.email && (
                        <a href={`mailto:${c.email}`} className="inline-flex min-w-0 items-center gap-1 break-all hover:underline">
                          <Mail className="size-3.5 shrink-0 text-slate-400" aria-hidden /> {c.email}
                        </a>
                      )}
                      {c.phone && (
                        <a href={`tel:${c.phone.replace(/[^+0-9]/g, "")}`} className="inline-flex items-center gap-1 hover:underline">
                          <Phone className="size-3.5 shrink-0 text-slate-400" aria-hidden /> {c.phone}
                        </a>
                      )}
                    </p>
                    {c.whenToCall && <p className="text-sm text-slate-500">When to call: {c.whenToCall}</p>}
                  </div>
                  {manage && (
                    <div className="flex gap-2">
                      <details className="group">
                        <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50">Edit</summary>
                        <div className="mt-2 w-[min(36rem,calc(100vw-4rem))] rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                          <ContactForm clientId={clientId} values={c} action={saveAction} submitLabel="Save contact" />
                        </div>
                      </details>
                      <form action={deleteAction}>
                        <input type="hidden" name="clientId" value={clientId} />
                        <input type="hidden" name="contactId" value={c.id} />
                        <Button type="submit" variant="ghost" size="sm" aria-label={`Remove ${c.name}`}>
                          <Trash2 className="size-4" aria-hidden />
                        </Button>
                      </form>
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {manage && (
          <details className="rounded-lg border border-dashed border-slate-300 p-3">
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">Add a contact</summary>
            <div className="mt-3">
              <ContactForm clientId={clientId} action={saveAction} submitLabel="Add contact" />
            </div>
          </details>
        )}
      </CardContent>
    </Card>
  );
}
