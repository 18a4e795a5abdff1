import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateFor } from "./support/sign-in";

type Mail = { to: string; subject: string; text: string };

/**
 * Nobody answers: level 1 (the on-call of Service Desk 24/7), level 2 after its 1-minute interval
 * (the Service Desk leads), then the failover email to the leads with the report; meanwhile a
 * second incident acknowledged from its email gets nothing more after the interval. A service and
 * a 1-minute policy of its own (through the REST API), so the demo's Standard policy is untouched.
 */
test.describe("escalation", () => {
  test.use({ storageState: storageStateFor("manager") });
  test.setTimeout(180_000);

  test("level 2 after its interval, then failover email with the report; an acknowledged incident gets nothing more", async ({ page, playwright, baseURL }) => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Token name").fill(`e2e escalation ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const get = async (path: string) => {
      const res = await api.get(path);
      expect(res.status(), path).toBe(200);
      return (await res.json()).data;
    };
    const post = async (path: string, data: unknown, status = 201) => {
      const res = await api.post(path, { data });
      expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
      return (await res.json()).data;
    };

    const tag = Date.now().toString(36);
    const schedule = (await get("/api/v1/schedules")).find((s: { name: string }) => s.name === "Service Desk 24/7");
    const team = (await get("/api/v1/teams")).find((t: { name: string }) => t.name === "Service Desk");
    const client = (await get("/api/v1/clients")).find((c: { name: string }) => c.name === "Acme Dental");
    const policy = await post("/api/v1/escalation-policies", {
      name: `E2E one minute ${tag}`,
      levels: [
        { delayMinutes: 1, targets: [{ type: "schedule", id: schedule.id }] },
        { delayMinutes: 0, targets: [{ type: "team", id: team.id, scope: "leads" }] },
      ],
      repeat: 0,
      stopOn: "acknowledged",
      failover: { leads: true, userIds: [], emails: [] },
    });
    const service = await post("/api/v1/services", { name: `E2E escalation ${tag}`, clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
    const { key } = await post(`/api/v1/services/${service.id}/integration-keys`, { name: "e2e" });
    const oncall = (await get("/api/v1/oncall")).find((o: { scheduleId: string }) => o.scheduleId === schedule.id);
    const members = (await get(`/api/v1/teams/${team.id}`)).members as { userId: string; email: string; isLead: boolean }[];
    const leads = members.filter((m) => m.isLead).map((m) => m.email);
    expect(leads.length).toBeGreaterThan(0);

    const trigger = async (summary: string) => {
      const res = await fetch(`${baseURL}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ routing_key: key, event_action: "trigger", dedup_key: summary, payload: { summary, source: "imaging-01.acme.local", severity: "critical" } }) });
      expect(res.status).toBe(202);
    };
    const unanswered = `Imaging archive offline ${tag}`;
    const acknowledged = `Backup job failed ${tag}`;
    await trigger(unanswered);
    await trigger(acknowledged);

    const mails = async (request: APIRequestContext, summary: string): Promise<Mail[]> => {
      const res = await request.get("/api/dev/mailbox?limit=200");
      return ((await res.json()).data as Mail[]).filter((m) => m.subject.includes(summary));
    };
    const oncallEmail = members.find((m) => m.userId === oncall.userId)?.email;
    expect(oncallEmail, "someone is on call for Service Desk 24/7").toBeTruthy();

    // Level 1: the on-call engineer's emails, at once.
    await expect.poll(async () => (await mails(page.request, unanswered)).map((m) => m.to), { timeout: 15_000 }).toContain(oncallEmail);
    await expect.poll(async () => (await mails(page.request, acknowledged)).length, { timeout: 15_000 }).toBeGreaterThan(0);

    // The second incident is acknowledged from its email: the interstitial, then the button.
    const ackMail = (await mails(page.request, acknowledged))[0]!;
    const ackUrl = new URL(ackMail.text.match(/https?:\/\/[^\s\]]+\/n\/[^\s\]]+\?intent=acknowledge/)![0]);
    const phone = await page.context().browser()!.newContext({ storageState: { cookies: [], origins: [] } });
    const pp = await phone.newPage();
    await pp.goto(`${ackUrl.pathname}${ackUrl.search}`);
    await pp.getByRole("button", { name: "Acknowledge" }).click();
    await expect(pp.getByText(/You acknowledged #\d+/)).toBeVisible();
    const afterAck = (await mails(page.request, acknowledged)).length;

    // Before the interval: nobody else has been told about the first one.
    expect((await mails(page.request, unanswered)).filter((m) => m.subject.startsWith("[UNANSWERED]"))).toHaveLength(0);

    // After the 1-minute interval: level 2 (the leads), then — its interval is 0 — the failover email with the report.
    await expect
      .poll(async () => (await mails(page.request, unanswered)).filter((m) => m.subject.startsWith("[UNANSWERED]")).map((m) => m.to), { timeout: 100_000, intervals: [2000] })
      .toEqual(expect.arrayContaining(leads));
    const sent = await mails(page.request, unanswered);
    for (const lead of leads) expect(sent.some((m) => m.to === lead && m.subject.startsWith("[HIGH]"))).toBe(true);
    const report = sent.find((m) => m.subject.startsWith("[UNANSWERED]"))!;
    expect(report.subject).toContain("Acme Dental");
    expect(report.text).toContain("Who was notified");
    expect(report.text).toContain("Escalated to level 2");
    expect(report.text).toContain(`E2E escalation ${tag}`);

    // The acknowledged incident: nothing more after its interval (no level 2, no reminders).
    expect(await mails(page.request, acknowledged)).toHaveLength(afterAck);

    // The first incident is unanswered on the dashboard and its page; resolving it ends the alarms for everyone.
    await page.goto("/");
    await expect(page.getByText(unanswered)).toBeVisible();
    await page.goto(`/incidents?q=${encodeURIComponent(unanswered)}`);
    const row = page.getByRole("row").filter({ hasText: unanswered });
    await expect(row.getByText("Unanswered")).toBeVisible();
    await row.getByRole("link").click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Nobody answered/)).toBeVisible();
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByRole("list", { name: "Timeline" }).getByText(/Resolved by/)).toBeVisible();
    await phone.close();
    await api.dispose();
  });
});
