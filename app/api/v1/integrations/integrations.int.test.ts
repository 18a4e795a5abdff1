import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { alertEvents, alerts, heartbeatMonitors, incidents, incidentTimeline, services } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeAlwaysOpenService, makeUser, NAGIOS_EMAIL_RULES } from "@/db/test/factories";
import { checkHeartbeats } from "@/lib/heartbeats/check-heartbeats";
import { createHeartbeat } from "@/lib/services/heartbeats";
import * as alertmanagerRoute from "./alertmanager/route";
import * as grafanaRoute from "./grafana/route";
import * as emailRoute from "./email/route";
import * as alertsRoute from "../alerts/route";
import * as heartbeatRoute from "../heartbeats/[secret]/route";
import { NextRequest } from "next/server";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let key: string;
let serviceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  ({ key, service: { id: serviceId } } = await makeAlwaysOpenService(t.db, { emailRules: [...NAGIOS_EMAIL_RULES, { name: "Newsletters", subject: "", body: "unsubscribe", action: "ignore" }] }));
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

type Handler = (req: Request) => Promise<Response>;
async function post(handler: Handler, body: unknown, opts: { auth?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json" };
  if (opts.auth !== null) headers.authorization = `Bearer ${opts.auth ?? key}`;
  const res = await handler(new Request("http://localhost:3000/api/v1/x", { method: "POST", headers, body: opts.raw ?? JSON.stringify(body) }));
  return { status: res.status, json: await res.json() };
}
const alertByKey = async (k: string) => (await t.db.select().from(alerts).where(eq(alerts.dedupKey, k)))[0];

/** Alertmanager's webhook_config payload (version 4), as in Prometheus' documentation. */
const alertmanagerGroup = (status: "firing" | "resolved", alertCount = 2) => ({
  version: "4",
  groupKey: '{}/{severity="critical"}:{alertname="InstanceDown"}',
  truncatedAlerts: 0,
  status,
  receiver: "baton",
  groupLabels: { alertname: "InstanceDown" },
  commonLabels: { alertname: "InstanceDown", job: "node", severity: "critical" },
  commonAnnotations: {},
  externalURL: "http://alertmanager.acme.local:9093",
  alerts: Array.from({ length: alertCount }, (_, i) => ({
    status,
    labels: { alertname: "InstanceDown", instance: `server-0${i + 1}:9100`, job: "node", severity: "critical" },
    annotations: { description: `server-0${i + 1}:9100 of job node has been down for more than 5 minutes.` },
    startsAt: "2026-11-23T11:50:00.000Z",
    endsAt: status === "resolved" ? "2026-11-23T12:10:00.000Z" : "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.acme.local:9090/graph?g0.expr=up+%3D%3D+0",
    fingerprint: `f${i}`,
  })),
});

/** Grafana's webhook contact point example (Grafana docs, "Configure the webhook notifier"). */
const grafanaExample = {
  receiver: "My Super Webhook",
  status: "firing",
  orgId: 1,
  alerts: [
    {
      status: "firing",
      labels: { alertname: "High memory usage", team: "blue", zone: "us-1" },
      annotations: { description: "The system has high memory usage", runbook_url: "https://myrunbook.com/runbook/1234", summary: "This alert was triggered for zone us-1" },
      startsAt: "2021-10-12T09:51:03.157076+02:00",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "https://play.grafana.org/alerting/1afz29v7z/edit",
      fingerprint: "c6eadffa33fcdf37",
      silenceURL: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
      dashboardURL: "",
      panelURL: "",
      values: { B: 44.23943737541908, C: 1 },
    },
    {
      status: "firing",
      labels: { alertname: "High CPU usage", team: "blue", zone: "eu-1" },
      annotations: { description: "The system has high CPU usage", runbook_url: "https://myrunbook.com/runbook/1234", summary: "This alert was triggered for zone eu-1" },
      startsAt: "2021-10-12T09:56:03.157076+02:00",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "https://play.grafana.org/alerting/d1rdpdv7k/edit",
      fingerprint: "bc97ff14869b13e3",
      silenceURL: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1",
      dashboardURL: "",
      panelURL: "",
      values: { B: 44.23943737541908, C: 1 },
    },
  ],
  groupLabels: {},
  commonLabels: { team: "blue" },
  commonAnnotations: {},
  externalURL: "https://play.grafana.org/",
  version: "1",
  groupKey: "{}:{}",
  truncatedAlerts: 0,
  title: "[FIRING:2]  (blue)",
  state: "alerting",
  message: "**Firing**\n\nLabels:\n - alertname = T2\n - team = blue\n - zone = us-1\nAnnotations:\n - description = This is the alert rule checking the second system\n - runbook_url = https://myrunbook.com\n - summary = This is my summary\nSource: https://play.grafana.org/alerting/1afz29v7z/edit\nSilence: https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1\n",
};

describe("Alertmanager webhook", () => {
  it("one alert per groupKey: titled from alertname and instance with '+ N others', resolved with the group", async () => {
    const fired = await post(alertmanagerRoute.POST, alertmanagerGroup("firing"));
    expect(fired.status).toBe(202);
    expect(fired.json.data).toMatchObject({ outcome: "created", paging: "page" });
    const k = fired.json.data.dedupKey;
    expect(k).toBe('{}/{severity="critical"}:{alertname="InstanceDown"}');
    const again = await post(alertmanagerRoute.POST, alertmanagerGroup("firing"));
    expect(again.json.data.outcome).toBe("deduplicated");
    const alert = await alertByKey(k);
    expect(alert).toMatchObject({ summary: "InstanceDown on server-01:9100 + 1 other", severity: "critical", priority: "high", source: "alertmanager", class: "InstanceDown", component: "node", eventCount: 2 });
    expect(alert!.links[0]).toEqual({ href: "http://prometheus.acme.local:9090/graph?g0.expr=up+%3D%3D+0", text: "Source" });
    const resolved = await post(alertmanagerRoute.POST, alertmanagerGroup("resolved"));
    expect(resolved.json.data.outcome).toBe("resolved");
    const [inc] = await t.db.select().from(incidents).where(eq(incidents.id, alert!.incidentId!));
    expect(inc!.status).toBe("resolved");
  });

  it("uses annotations.summary when there is one, and a long groupKey is hashed to fit", async () => {
    const group = { ...alertmanagerGroup("firing", 1), groupKey: `{}:{${"x".repeat(300)}}`, commonAnnotations: { summary: "Node exporter down" } };
    const r = await post(alertmanagerRoute.POST, group);
    expect(r.json.data.dedupKey).toMatch(/^[0-9a-f]{64}$/);
    expect((await alertByKey(r.json.data.dedupKey))!.summary).toBe("Node exporter down");
  });

  it("401 without the key, 400 naming the field for a bad body, and nothing written", async () => {
    const before = (await t.db.select({ n: count() }).from(alertEvents))[0]!.n;
    expect((await post(alertmanagerRoute.POST, alertmanagerGroup("firing"), { auth: null })).status).toBe(401);
    expect((await post(alertmanagerRoute.POST, alertmanagerGroup("firing"), { auth: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" })).status).toBe(401);
    const bad = await post(alertmanagerRoute.POST, { ...alertmanagerGroup("firing"), status: "burning" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("status");
    const notJson = await post(alertmanagerRoute.POST, null, { raw: "{" });
    expect(notJson.json.error.issues[0]).toEqual({ path: "body", message: "Body is not valid JSON" });
    expect((await t.db.select({ n: count() }).from(alertEvents))[0]!.n).toBe(before);
  });

  it("400 for a group with no alerts (it would page for nothing) or a startsAt/endsAt that is no RFC 3339 date-time", async () => {
    const before = { events: (await t.db.select({ n: count() }).from(alertEvents))[0]!.n, incidents: (await t.db.select({ n: count() }).from(incidents))[0]!.n };
    const empty = await post(alertmanagerRoute.POST, { ...alertmanagerGroup("firing"), groupKey: "{}:{empty}", alerts: [] });
    expect(empty.status).toBe(400);
    expect(empty.json.error.issues).toEqual([{ path: "alerts", message: "Needs at least one alert" }]);
    const group = alertmanagerGroup("firing", 1);
    const badStart = await post(alertmanagerRoute.POST, { ...group, groupKey: "{}:{bad-start}", alerts: [{ ...group.alerts[0], startsAt: "nope" }] });
    expect(badStart.status).toBe(400);
    expect(badStart.json.error.issues).toEqual([{ path: "alerts.0.startsAt", message: "Must be an RFC 3339 date-time" }]);
    const badEnd = await post(alertmanagerRoute.POST, { ...group, groupKey: "{}:{bad-end}", alerts: [{ ...group.alerts[0], endsAt: "2026-11-23 12:10" }] });
    expect(badEnd.json.error.issues).toEqual([{ path: "alerts.0.endsAt", message: "Must be an RFC 3339 date-time" }]);
    expect({ events: (await t.db.select({ n: count() }).from(alertEvents))[0]!.n, incidents: (await t.db.select({ n: count() }).from(incidents))[0]!.n }).toEqual(before);
    // Alertmanager's zero time for an endsAt not known yet, and Go's nanoseconds with an offset, are fine.
    const ok = await post(alertmanagerRoute.POST, { ...group, groupKey: "{}:{go-times}", alerts: [{ ...group.alerts[0], startsAt: "2026-11-23T12:50:00.123456789+01:00", endsAt: "0001-01-01T00:00:00Z" }] });
    expect(ok.status).toBe(202);
  });
});

describe("Grafana webhook", () => {
  it("takes Grafana's documented example: summary annotation, '+ 1 other', links to source and runbook", async () => {
    const r = await post(grafanaRoute.POST, grafanaExample);
    expect(r.status).toBe(202);
    const alert = await alertByKey("{}:{}");
    expect(alert).toMatchObject({ source: "grafana", summary: "This alert was triggered for zone us-1 + 1 other", senderName: "Grafana", class: "High memory usage" });
    expect(alert!.links.map((l) => l.text)).toEqual(["Source", "Grafana"]);
    const resolved = await post(grafanaRoute.POST, { ...grafanaExample, status: "resolved", alerts: grafanaExample.alerts.map((a) => ({ ...a, status: "resolved" })) });
    expect(resolved.json.data.outcome).toBe("resolved");
  });
});

describe("generic alerts API", () => {
  it("summary, details, dedupKey, priority and action", async () => {
    const created = await post(alertsRoute.POST, { summary: "Backup job failed", details: { job: "nightly" }, dedupKey: "backup-nightly", priority: "high" });
    expect(created.status).toBe(202);
    expect(created.json.data).toMatchObject({ dedupKey: "backup-nightly", outcome: "created" });
    expect(await alertByKey("backup-nightly")).toMatchObject({ priority: "high", customDetails: { job: "nightly" } });
    const ack = await post(alertsRoute.POST, { dedupKey: "backup-nightly", action: "acknowledge" });
    expect(ack.json.data.outcome).toBe("acknowledged");
    const bad = await post(alertsRoute.POST, { action: "resolve" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["dedupKey"]);
    const badPriority = await post(alertsRoute.POST, { summary: "x", priority: "urgent" });
    expect(badPriority.json.error.issues[0].path).toBe("priority");
  });

  it("400 (not 503) for details nested thousands of levels deep; details up to 32 levels are stored", async () => {
    const before = (await t.db.select({ n: count() }).from(alertEvents))[0]!.n;
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const r = await post(alertsRoute.POST, null, { raw: `{"summary":"Deep","details":${deep}}` });
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([{ path: "details", message: "Must not be nested more than 32 levels deep" }]);
    const elsewhere = await post(alertsRoute.POST, null, { raw: `{"summary":"Deep","extra":${deep}}` });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error.issues).toEqual([{ path: "body", message: "Must not be nested more than 40 levels deep" }]);
    expect((await t.db.select({ n: count() }).from(alertEvents))[0]!.n).toBe(before);
    const nested = (levels: number): unknown => (levels === 0 ? "leaf" : { down: nested(levels - 1) });
    const ok = await post(alertsRoute.POST, { summary: "Deep enough", dedupKey: "deep-32", details: nested(32) });
    expect(ok.status).toBe(202);
    expect((await alertByKey("deep-32"))!.customDetails).toEqual(nested(32));
  });

  it("replaces unpaired UTF-16 surrogates with U+FFFD instead of failing", async () => {
    const r = await post(alertsRoute.POST, { summary: "x \ud800", dedupKey: "surrogate", details: { note: "y \udfff" } });
    expect(r.status).toBe(202);
    expect(await alertByKey("surrogate")).toMatchObject({ summary: "x \ufffd", customDetails: { note: "y \ufffd" } });
  });
});

const nagiosMail = (kind: "PROBLEM" | "RECOVERY", state: string) =>
  [
    "Return-Path: <nagios@monitor.acme.local>",
    "From: Nagios <nagios@monitor.acme.local>",
    "To: acme-servers@alerts.msp.example",
    `Subject: ** ${kind} Service Alert: web01/HTTP is ${state} **`,
    "Date: Mon, 23 Nov 2026 11:58:00 -0500",
    `Message-ID: <${kind.toLowerCase()}-4711@monitor.acme.local>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "***** Nagios *****",
    "",
    "Notification Type: " + kind,
    "",
    "Service: HTTP",
    "Host: web01",
    `State: ${state}`,
    "",
    "Additional Info:",
    "",
    "HTTP CRITICAL: HTTP/1.1 503 Service Unavailable =E2=80=93 4.2 s response time",
    "",
  ].join("\r\n");

describe("email integration", () => {
  it("a PROBLEM mail triggers and its RECOVERY resolves the same alert, keyed by the rules' named group", async () => {
    const r = await post(emailRoute.POST, null, { raw: nagiosMail("PROBLEM", "CRITICAL"), contentType: "message/rfc822" });
    expect(r.status).toBe(202);
    expect(r.json.data).toMatchObject({ dedupKey: "web01/HTTP", outcome: "created" });
    const alert = await alertByKey("web01/HTTP");
    expect(alert).toMatchObject({ source: "email", summary: "** PROBLEM Service Alert: web01/HTTP is CRITICAL **", eventSource: "Nagios <nagios@monitor.acme.local>" });
    expect((alert!.customDetails as { body: string }).body).toContain("503 Service Unavailable – 4.2 s");
    const [ev] = await t.db.select().from(alertEvents).where(eq(alertEvents.alertId, alert!.id));
    expect(ev!.payload).toMatchObject({ contentType: "message/rfc822", messageId: "<problem-4711@monitor.acme.local>", raw: expect.stringContaining("Subject: ** PROBLEM") });
    const ok = await post(emailRoute.POST, null, { raw: nagiosMail("RECOVERY", "OK"), contentType: "message/rfc822" });
    expect(ok.json.data).toMatchObject({ dedupKey: "web01/HTTP", outcome: "resolved" });
  });

  it("multipart mail with an RFC 2047 subject and HTML only; no rule matches: triggered, keyed by the subject", async () => {
    const raw = [
      "From: =?utf-8?q?Veeam_Backup_=26_Replication?= <veeam@acme.local>",
      "To: alerts@msp.example",
      "Subject: =?utf-8?B?W0ZhaWxlZF0gTmlnaHRseSBiYWNrdXAg4oCTIDIgVk1zIGZhaWxlZA==?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<html><body><h1>Nightly backup</h1><p>2 VMs <b>failed</b>: pms-01, imaging-01</p></body></html>",
      "--b1--",
      "",
    ].join("\r\n");
    const r = await post(emailRoute.POST, null, { raw, contentType: "message/rfc822" });
    expect(r.status).toBe(202);
    expect(r.json.data.dedupKey).toBe("[failed] nightly backup – 2 vms failed");
    const alert = await alertByKey(r.json.data.dedupKey);
    expect(alert!.summary).toBe("[Failed] Nightly backup – 2 VMs failed");
    expect((alert!.customDetails as { body: string }).body).toBe("Nightly backup\n2 VMs failed: pms-01, imaging-01");
  });

  it("an ignore rule stores the event and opens nothing; a non-mail body is 400", async () => {
    const raw = ["From: news@vendor.example", "To: alerts@msp.example", "Subject: Our autumn offers", "", "Great deals. To unsubscribe click here.", ""].join("\r\n");
    const r = await post(emailRoute.POST, null, { raw, contentType: "message/rfc822" });
    expect(r.json.data.outcome).toBe("ignored");
    expect(await alertByKey(r.json.data.dedupKey)).toBeUndefined();
    const wrongType = await post(emailRoute.POST, { a: 1 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.issues[0].path).toBe("content-type");
    const empty = await post(emailRoute.POST, null, { raw: "", contentType: "message/rfc822" });
    expect(empty.status).toBe(400);
  });
});

describe("heartbeats", () => {
  it("a missing ping opens an incident once; the next ping resolves it", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const created = await createHeartbeat({ ctx: await ctxFor(t.db, manager.id, new Date("2026-11-23T12:00:00Z")), input: { serviceId, name: "Nightly backup job", intervalMinutes: 60, graceMinutes: 5 } });
    const secret = created.pingPath.split("/").pop()!;
    const sys = (at: string) => ({ db: t.db, meta: { ip: null, requestId: "hb" }, now: new Date(at) });
    expect((await checkHeartbeats(sys("2026-11-23T13:04:00Z"))).down).toEqual([]);
    expect((await checkHeartbeats(sys("2026-11-23T13:05:00Z"))).down).toEqual([created.record.id]);
    expect((await checkHeartbeats(sys("2026-11-23T14:00:00Z"))).down).toEqual([]);
    const alert = await alertByKey(`heartbeat:${created.record.id}`);
    expect(alert).toMatchObject({ source: "heartbeat", status: "triggered", summary: "Heartbeat “Nightly backup job” missed: no ping yet" });
    const timeline = await t.db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, alert!.incidentId!));
    expect(timeline.map((r) => r.kind)).toContain("triggered");

    const ping = await heartbeatRoute.POST(new NextRequest(`http://localhost:3000/api/v1/heartbeats/${secret}`, { method: "POST" }), { params: Promise.resolve({ secret }) });
    expect(ping.status).toBe(200);
    const [hb] = await t.db.select().from(heartbeatMonitors).where(eq(heartbeatMonitors.id, created.record.id));
    expect(hb!.state).toBe("up");
    expect((await t.db.select().from(incidents).where(eq(incidents.id, alert!.incidentId!)))[0]!.status).toBe("resolved");
    expect(heartbeatRoute.GET().status).toBe(405);
    const unknown = await heartbeatRoute.POST(new NextRequest("http://localhost:3000/api/v1/heartbeats/x", { method: "POST" }), { params: Promise.resolve({ secret: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" }) });
    expect(unknown.status).toBe(404);
    void services;
  });
});
