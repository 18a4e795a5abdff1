import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ShiftReminderEmail } from "@/lib/escalations/shift-reminders-email";
import { renderMail } from "./index";
import { FailoverEmail } from "./templates/failover-email";
import { InviteEmail } from "./templates/invite-email";
import { NoticeEmail } from "./templates/notice-email";
import { PageEmail } from "./templates/page-email";
import { SignInEmail } from "./templates/sign-in-email";
import { StakeholderUpdateEmail } from "./templates/stakeholder-update-email";

const lines = async (body: Parameters<typeof renderMail>[0]) => (await renderMail(body)).text.split("\n");

const ackUrl = "http://localhost:3300/n/tok123?intent=acknowledge";
const openUrl = "http://localhost:3300/n/tok123";
const incident = { number: 7, title: "DB down", priority: "high", client: "Acme Dental", service: "Database", source: null, details: [], links: [], triggeredAt: "24 Nov 2026, 09:14" };

describe("the plain-text part of an email", () => {
  it.each([
    { what: "a page", props: { incident } },
    { what: "a confidential page", props: { incident: null } },
  ])("$what: Acknowledge and Open each on a line of their own", async ({ props }) => {
    const text = await lines(createElement(PageEmail, { name: "Ann", openUrl, ackUrl, reminder: 0, ...props }));
    expect(text).toContain(`Acknowledge ${ackUrl}`);
    expect(text).toContain(`Open ${openUrl}`);
  });

  it.each([
    { what: "a notice", body: createElement(NoticeEmail, { name: "Ann", title: "T", body: "B", url: "http://localhost:3300/schedules/requests" }), line: "Open in Baton http://localhost:3300/schedules/requests" },
    { what: "an invitation", body: createElement(InviteEmail, { name: "Ann", invitedBy: "Bob", role: "Engineer", signInUrl: "http://localhost:3300/signin" }), line: "Open Baton http://localhost:3300/signin" },
    { what: "a sign-in link", body: createElement(SignInEmail, { url: "http://localhost:3300/s?t=1", host: "localhost:3300", minutes: 10 }), line: "Sign in to Baton http://localhost:3300/s?t=1" },
    { what: "a failover", body: createElement(FailoverEmail, { name: "Ann", incident: null, notified: [], timeline: [], url: "http://localhost:3300/incidents/1" }), line: "Open the incident http://localhost:3300/incidents/1" },
    { what: "a shift reminder", body: createElement(ShiftReminderEmail, { name: "Ann", title: "T", intro: "", lines: ["a shift"], url: "http://localhost:3300/schedules/mine" }), line: "My shifts http://localhost:3300/schedules/mine" },
  ])("$what: its button is a line of its own", async ({ body, line }) => {
    expect(await lines(body)).toContain(line);
  });

  it("a stakeholder update keeps the template's line breaks, blank lines included", async () => {
    const body = "Summary for Acme Dental management\nWhat is affected: Booking\nBusiness impact: No new bookings\n\nNext update at 10:00";
    const { text, html } = await renderMail(createElement(StakeholderUpdateEmail, { name: "Ann", subject: "S", body }));
    expect(text).toContain(body);
    expect(html).toContain("Summary for Acme Dental management<br/>What is affected: Booking");
  });
});
