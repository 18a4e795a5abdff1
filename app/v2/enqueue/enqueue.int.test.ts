import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { useDbHandle, type DbHandle } from "@/db/client";
import { alertEvents, alerts, incidents, incidentTimeline, integrationKeys, maintenanceWindows, priorityRules } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeClientWithHours, makeIntegrationKey, makeService, makeTeam } from "@/db/test/factories";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import { resetEnvCache } from "@/lib/env";
import { handleEnqueue } from "@/lib/ingest/enqueue-handler";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let key: string;
let serviceId: string;
let revokedKey: string;
const nineToFive = uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "09:00", end: "17:00" });

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const team = await makeTeam(t.db);
  const client = await makeClientWithHours(t.db, { timeZone: "America/New_York", businessHours: nineToFive, holidays: ["2026-11-26"], teamIds: [team.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  serviceId = service.id;
  key = (await makeIntegrationKey(t.db, service.id)).key;
  const revoked = await makeIntegrationKey(t.db, service.id, "old");
  revokedKey = revoked.key;
  await t.db.update(integrationKeys).set({ revokedAt: new Date("2026-01-01T00:00:00Z") }).where(eq(integrationKeys.id, revoked.row.id));
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});
afterEach(() => {
  delete process.env.INGEST_KEY_CACHE_SECONDS;
  delete process.env.INGEST_RATE_LIMIT_BURST;
  delete process.env.INGEST_RATE_LIMIT_PER_MINUTE;
  resetEnvCache();
});

// Monday 2026-11-23 15:00Z = 10:00 in New York: inside business hours.
const MONDAY = new Date("2026-11-23T15:00:00Z");
let seq = 0;
const dedup = (label: string) => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function enqueue(body: unknown, opts: { raw?: string; now?: Date; headers?: Record<string, string> } = {}) {
  const text = opts.raw ?? JSON.stringify(body);
  const req = new Request("http://localhost:3000/v2/enqueue", { method: "POST", headers: { "content-type": "application/json", ...opts.headers }, body: text });
  const res = await handleEnqueue(req, () => opts.now ?? MONDAY);
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const trigger = (over: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
  routing_key: key,
  event_action: "trigger",
  payload: { summary: "Disk 91% full on imaging-01", source: "imaging-01.acme.local", severity: "critical", ...payload },
  ...over,
});

async function rowCounts() {
  const n = async (table: typeof alerts | typeof alertEvents | typeof incidents | typeof incidentTimeline) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  return { alerts: await n(alerts), events: await n(alertEvents), incidents: await n(incidents), timeline: await n(incidentTimeline) };
}

describe("PagerDuty Events API v2 contract", () => {
  it("202 with PagerDuty's body, echoing the dedup key; one without gets a generated one", async () => {
    const k = dedup("echo");
    const r = await enqueue(trigger({ dedup_key: k }));
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ status: "success", message: "Event processed", dedup_key: k });
    const generated = await enqueue(trigger());
    expect(generated.status).toBe(202);
    expect(generated.json.dedup_key).toMatch(/^[0-9a-f]{32}$/);
  });

  const long = (n: number) => "x".repeat(n);
  const nested = (levels: number): unknown => (levels === 0 ? "leaf" : [nested(levels - 1)]);
  const invalidCases: { name: string; body?: unknown; raw?: string; headers?: Record<string, string>; error: RegExp }[] = [
    { name: "body is not JSON", raw: "{nope", error: /not valid JSON/ },
    { name: "body is an array", raw: "[]", error: /JSON object/ },
    { name: "routing_key missing", body: { event_action: "trigger", payload: { summary: "s", source: "s", severity: "info" } }, error: /^routing_key/ },
    { name: "routing_key unknown", body: trigger({ routing_key: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" }), error: /routing_key is not a known, active integration key/ },
    { name: "routing_key malformed", body: trigger({ routing_key: "not-a-key" }), error: /routing_key/ },
    { name: "routing_key revoked", body: { ...trigger(), routing_key: "REVOKED" }, error: /routing_key is not a known, active/ },
    { name: "event_action missing", body: { routing_key: "K", payload: {} }, error: /^event_action/ },
    { name: "event_action unknown", body: trigger({ event_action: "escalate" }), error: /event_action must be one of/ },
    { name: "trigger without payload", body: { routing_key: "K", event_action: "trigger" }, error: /^payload is required/ },
    { name: "summary missing", body: trigger({}, { summary: undefined }), error: /^payload.summary/ },
    { name: "summary blank", body: trigger({}, { summary: "   " }), error: /^payload.summary is missing or blank/ },
    { name: "summary over 1024", body: trigger({}, { summary: long(1025) }), error: /^payload.summary must be at most 1024/ },
    { name: "source missing", body: trigger({}, { source: undefined }), error: /^payload.source/ },
    { name: "severity missing", body: trigger({}, { severity: undefined }), error: /^payload.severity/ },
    { name: "severity unknown", body: trigger({}, { severity: "urgent" }), error: /^payload.severity must be one of/ },
    { name: "severity upper case", body: trigger({}, { severity: "CRITICAL" }), error: /^payload.severity/ },
    { name: "timestamp not ISO 8601", body: trigger({}, { timestamp: "yesterday" }), error: /^payload.timestamp/ },
    { name: "component over 1024", body: trigger({}, { component: long(1025) }), error: /^payload.component/ },
    { name: "dedup_key over 255", body: trigger({ dedup_key: long(256) }), error: /^dedup_key must be at most 255/ },
    { name: "dedup_key blank", body: trigger({ dedup_key: "" }), error: /^dedup_key/ },
    { name: "acknowledge without dedup_key", body: { routing_key: "K", event_action: "acknowledge" }, error: /^dedup_key is required to acknowledge/ },
    { name: "resolve without dedup_key", body: { routing_key: "K", event_action: "resolve" }, error: /^dedup_key is required to resolve/ },
    { name: "links not an array", body: trigger({ links: "http://x" }), error: /^links must be an array$/ },
    { name: "dedup_key a number", body: trigger({ dedup_key: 12345 }), error: /^dedup_key must be a string$/ },
    { name: "routing_key a number", body: trigger({ routing_key: 123 }), error: /^routing_key must be a string$/ },
    { name: "payload not an object", body: trigger({ payload: "x" }), error: /^payload must be an object$/ },
    { name: "custom_details nested 33 levels deep", body: trigger({}, { custom_details: nested(33) }), error: /^payload.custom_details must not be nested more than 32 levels deep$/ },
    { name: "body nested over 40 levels deep outside the details", body: { ...trigger({ extra: nested(40) }), routing_key: "K" }, error: /^body must not be nested more than 40 levels deep$/ },
    { name: "link without href", body: trigger({ links: [{ text: "x" }] }), error: /^links.0.href/ },
    { name: "image without src", body: trigger({ images: [{ href: "x" }] }), error: /^images.0.src/ },
    { name: "client_url over 2048", body: trigger({ client_url: long(2049) }), error: /^client_url/ },
    { name: "body over 512 KB by Content-Length", body: trigger({}, { custom_details: { blob: long(530_000) } }), headers: { "content-length": "540000" }, error: /larger than 524288 bytes/ },
    { name: "body over 512 KB, streamed", body: trigger({}, { custom_details: { blob: long(530_000) } }), error: /larger than 524288 bytes/ },
  ];
  it.each(invalidCases)("400 invalid event: $name, and nothing written", async (c) => {
    const before = await rowCounts();
    const fix = (b: unknown) => JSON.parse(JSON.stringify(b).replaceAll('"K"', JSON.stringify(key)).replaceAll('"REVOKED"', JSON.stringify(revokedKey)));
    const r = await enqueue(c.body === undefined ? undefined : fix(c.body), { raw: c.raw, headers: c.headers });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ status: "invalid event", message: "Event object is invalid", errors: expect.any(Array) });
    expect(r.json.errors.some((e: string) => c.error.test(e))).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it("400 (not 503) for details nested thousands of levels deep, on the custom details or anywhere else", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const before = await rowCounts();
    const inDetails = await enqueue(undefined, { raw: `{"routing_key":${JSON.stringify(key)},"event_action":"trigger","payload":{"summary":"s","source":"s","severity":"info","custom_details":${deep}}}` });
    expect(inDetails.status).toBe(400);
    expect(inDetails.json.errors).toEqual(["payload.custom_details must not be nested more than 32 levels deep"]);
    const elsewhere = await enqueue(undefined, { raw: `{"routing_key":${JSON.stringify(key)},"event_action":"trigger","extra":${deep},"payload":{"summary":"s","source":"s","severity":"info"}}` });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.errors).toEqual(["body must not be nested more than 40 levels deep"]);
    expect(await rowCounts()).toEqual(before);
    const k = dedup("deep32");
    expect((await enqueue(trigger({ dedup_key: k }, { custom_details: nested(32) }))).status).toBe(202);
    expect((await t.db.select().from(alerts).where(eq(alerts.dedupKey, k)))[0]!.customDetails).toEqual(nested(32));
  });

  it("accepts each field at its limit", async () => {
    const r = await enqueue(trigger({ dedup_key: "d".repeat(255), client: "Prometheus", client_url: `https://p.example/${"u".repeat(2000)}`, links: [{ href: "https://runbook.example/disk", text: "Runbook" }], images: [{ src: "https://graph.example/disk.png", alt: "Disk graph" }] }, { summary: "s".repeat(1024), component: "c".repeat(1024), timestamp: "2026-11-23T14:59:00.000+00:00", custom_details: { mount: "/var" } }));
    expect(r.status).toBe(202);
    const [row] = await t.db.select().from(alerts).where(eq(alerts.dedupKey, "d".repeat(255)));
    expect(row).toMatchObject({ summary: "s".repeat(1024), senderName: "Prometheus", links: [{ href: "https://runbook.example/disk", text: "Runbook" }], images: [{ src: "https://graph.example/disk.png", alt: "Disk graph" }], customDetails: { mount: "/var" } });
  });

  it("stores the raw payload with the routing key redacted", async () => {
    const k = dedup("raw");
    await enqueue(trigger({ dedup_key: k, extra_field: "kept" }));
    const [ev] = await t.db.select().from(alertEvents).where(eq(alertEvents.dedupKey, k));
    const stored = JSON.stringify(ev!.payload);
    expect(stored).not.toContain(key);
    expect(ev!.payload).toMatchObject({ routing_key: `${key.slice(0, 8)}…(redacted)`, extra_field: "kept", payload: { summary: "Disk 91% full on imaging-01" } });
  });

  it("ignores cookies and needs no bearer token", async () => {
    const r = await enqueue(trigger({ dedup_key: dedup("cookie") }), { headers: { cookie: "authjs.session-token=forged; other=1", authorization: "Bearer nonsense" } });
    expect(r.status).toBe(202);
  });

  it("strips NUL characters instead of failing", async () => {
    const k = dedup("nul");
    const r = await enqueue(trigger({ dedup_key: k }, { summary: "bad\u0000byte", custom_details: { "k\u0000": "v\u0000" } }));
    expect(r.status).toBe(202);
    const [row] = await t.db.select().from(alerts).where(eq(alerts.dedupKey, k));
    expect(row!.summary).toBe("badbyte");
  });

  it("replaces unpaired UTF-16 surrogates with U+FFFD instead of failing", async () => {
    const k = dedup("surrogate");
    const r = await enqueue(trigger({ dedup_key: k, extra: "lone \udc00" }, { summary: "x \ud800", custom_details: { "key \ud800": "v \udbff end", pair: "ok \ud83d\ude00" } }));
    expect(r.status).toBe(202);
    const [row] = await t.db.select().from(alerts).where(eq(alerts.dedupKey, k));
    expect(row!.summary).toBe("x \ufffd");
    expect(row!.customDetails).toEqual({ "key \ufffd": "v \ufffd end", pair: "ok \u{1f600}" });
    const [ev] = await t.db.select().from(alertEvents).where(eq(alertEvents.dedupKey, k));
    expect(ev!.payload).toMatchObject({ extra: "lone \ufffd" });
  });

  it.each([
    { name: "keys cached, bucket in this process", cache: "5" },
    { name: "keys not cached, bucket in the database", cache: "0" },
  ])("429 with Retry-After over the key's rate limit, writing nothing for the refused event ($name)", async ({ cache }) => {
    process.env.INGEST_KEY_CACHE_SECONDS = cache;
    process.env.INGEST_RATE_LIMIT_BURST = "3";
    process.env.INGEST_RATE_LIMIT_PER_MINUTE = "60";
    resetEnvCache();
    const own = await makeIntegrationKey(t.db, serviceId, "limited");
    const at = new Date("2026-11-23T16:00:00Z");
    const send = (now: Date) => enqueue({ ...trigger({ dedup_key: dedup("rl") }), routing_key: own.key }, { now });
    for (let i = 0; i < 3; i++) expect((await send(at)).status).toBe(202);
    const before = await rowCounts();
    const refused = await send(at);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.json.status).toBe("throttle event");
    expect(await rowCounts()).toEqual(before);
    // One token a second comes back.
    expect((await send(new Date(at.getTime() + 1_000))).status).toBe(202);
    expect((await send(new Date(at.getTime() + 1_000))).status).toBe(429);
  });

  it("a key revoked on another app server (straight in the database) is refused once this server's cached lookup expires", async () => {
    process.env.INGEST_KEY_CACHE_SECONDS = "1";
    resetEnvCache();
    const other = await makeIntegrationKey(t.db, serviceId, "elsewhere");
    const send = () => enqueue({ ...trigger({ dedup_key: dedup("lag") }), routing_key: other.key });
    expect((await send()).status).toBe(202);
    await t.db.update(integrationKeys).set({ revokedAt: new Date() }).where(eq(integrationKeys.id, other.row.id));
    // The documented lag: up to INGEST_KEY_CACHE_SECONDS (a revocation through Baton on this server applies at once).
    expect((await send()).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1_100));
    const refused = await send();
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]).toMatch(/routing_key is not a known, active integration key/);
  });

  it("503 (never a 4xx) when Baton itself fails", async () => {
    const broken = { ...t, db: new Proxy(t.db, { get: () => () => { throw new Error("connection terminated unexpectedly"); } }) } as unknown as DbHandle;
    useDbHandle(broken);
    try {
      const r = await enqueue(trigger());
      expect(r.status).toBe(503);
      expect(r.json.status).toBe("unavailable");
      expect(r.headers.get("retry-after")).toBeTruthy();
    } finally {
      useDbHandle(t);
    }
  });
});

describe("PagerDuty semantics", () => {
  const ack = (k: string) => ({ routing_key: key, event_action: "acknowledge", dedup_key: k });
  const resolve = (k: string) => ({ routing_key: key, event_action: "resolve", dedup_key: k });
  const alertsFor = (k: string) => t.db.select().from(alerts).where(and(eq(alerts.serviceId, serviceId), eq(alerts.dedupKey, k)));
  const timelineOf = async (incidentId: string) => (await t.db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)).orderBy(incidentTimeline.id)).map((r) => r.kind);

  it("repeats join the open alert; acknowledge; triggers while acknowledged page nobody; resolve; the next trigger opens a new alert", async () => {
    const k = dedup("life");
    for (let i = 0; i < 3; i++) expect((await enqueue(trigger({ dedup_key: k }))).status).toBe(202);
    let [a] = await alertsFor(k);
    expect(a).toMatchObject({ status: "triggered", eventCount: 3, priority: "high" });
    const incidentId = a!.incidentId!;
    expect(await timelineOf(incidentId)).toEqual(["received", "prioritised", "triggered", "received", "deduplicated", "received", "deduplicated"]);
    expect((await t.db.select({ n: count() }).from(incidents).where(eq(incidents.id, incidentId)))[0]!.n).toBe(1);

    await enqueue(ack(k), { now: new Date(MONDAY.getTime() + 60_000) });
    const [inc] = await t.db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(inc).toMatchObject({ status: "acknowledged", acknowledgedAt: new Date(MONDAY.getTime() + 60_000), acknowledgedBy: null });
    await enqueue(trigger({ dedup_key: k }));
    [a] = await alertsFor(k);
    expect(a).toMatchObject({ status: "acknowledged", eventCount: 4 });
    const rows = await t.db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)).orderBy(incidentTimeline.id);
    expect(rows.at(-1)).toMatchObject({ kind: "deduplicated", message: expect.stringContaining("acknowledged, so nobody is paged") });
    expect(rows.find((r) => r.kind === "acknowledged")).toMatchObject({ actorType: "integration", actorLabel: expect.stringContaining("Events API v2") });

    expect((await enqueue(resolve(k))).status).toBe(202);
    expect((await t.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!.status).toBe("resolved");
    await enqueue(trigger({ dedup_key: k }));
    const all = await alertsFor(k);
    expect(all.map((x) => x.status).sort()).toEqual(["resolved", "triggered"]);
    expect(new Set(all.map((x) => x.incidentId)).size).toBe(2);
  });

  it("acknowledge and resolve ignore the payload, whatever it holds, as PagerDuty does", async () => {
    const k = dedup("answer-payload");
    expect((await enqueue(trigger({ dedup_key: k }))).status).toBe(202);
    const acked = await enqueue({ ...ack(k), payload: { summary: "" } });
    expect(acked.status).toBe(202);
    expect((await alertsFor(k))[0]!.status).toBe("acknowledged");
    const resolved = await enqueue({ ...resolve(k), payload: "not even an object" });
    expect(resolved.status).toBe(202);
    expect((await alertsFor(k))[0]!.status).toBe("resolved");
    // A trigger still needs a complete payload.
    const bad = await enqueue(trigger({ dedup_key: k }, { summary: "" }));
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(["payload.summary is missing or blank"]);
  });

  it("acknowledge and resolve with nothing open are accepted and dropped", async () => {
    const k = dedup("nothing");
    const before = await rowCounts();
    for (const body of [ack(k), resolve(k)]) {
      const r = await enqueue(body);
      expect(r.status).toBe(202);
      expect(r.json.dedup_key).toBe(k);
    }
    const after = await rowCounts();
    expect(after).toEqual({ ...before, events: before.events + 2 });
    const stored = await t.db.select().from(alertEvents).where(eq(alertEvents.dedupKey, k));
    expect(stored.map((e) => e.outcome)).toEqual(["dropped", "dropped"]);
  });

  it("concurrent triggers of one dedup key make exactly one alert and one incident", async () => {
    const k = dedup("race");
    const results = await Promise.all(Array.from({ length: 25 }, () => enqueue(trigger({ dedup_key: k }))));
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(202));
    const rows = await alertsFor(k);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.eventCount).toBe(25);
    expect((await t.db.select({ n: count() }).from(incidents).where(eq(incidents.id, rows[0]!.incidentId!)))[0]!.n).toBe(1);
    const kinds = await timelineOf(rows[0]!.incidentId!);
    expect(kinds.filter((x) => x === "triggered")).toHaveLength(1);
    expect(kinds.filter((x) => x === "deduplicated")).toHaveLength(24);
  });
});

describe("priority and business hours", () => {
  const incidentOf = async (k: string) => {
    const [a] = await t.db.select().from(alerts).where(eq(alerts.dedupKey, k));
    const [i] = a?.incidentId ? await t.db.select().from(incidents).where(eq(incidents.id, a.incidentId)) : [];
    const timeline = i ? await t.db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, i.id)).orderBy(incidentTimeline.id) : [];
    return { alert: a!, incident: i, timeline };
  };

  it.each([
    { name: "medium at Fri 2026-03-06 18:00 New York waits until Mon 2026-03-09 13:00Z (after spring forward)", at: "2026-03-06T23:00:00Z", severity: "warning", until: "2026-03-09T13:00:00.000Z", text: "Mon 9 Mar, 09:00" },
    { name: "medium at Fri 2026-10-30 18:00 New York waits until Mon 2026-11-02 14:00Z (after fall back)", at: "2026-10-30T22:00:00Z", severity: "warning", until: "2026-11-02T14:00:00.000Z", text: "Mon 2 Nov, 09:00" },
    { name: "low on the evening before Thanksgiving waits until Friday 09:00", at: "2026-11-25T23:00:00Z", severity: "info", until: "2026-11-27T14:00:00.000Z", text: "Fri 27 Nov, 09:00" },
    { name: "high at night pages now", at: "2026-03-07T03:00:00Z", severity: "critical", until: null, text: null },
    { name: "medium inside business hours pages now", at: "2026-11-23T15:00:00Z", severity: "warning", until: null, text: null },
  ])("$name", async ({ at, severity, until, text }) => {
    const k = dedup("bh");
    await enqueue(trigger({ dedup_key: k }, { severity }), { now: new Date(at) });
    const { incident, timeline } = await incidentOf(k);
    expect(incident!.deferredUntil?.toISOString() ?? null).toBe(until);
    const last = timeline.at(-1)!;
    if (until) {
      expect(last).toMatchObject({ kind: "deferred", internal: false, details: { until, timeZone: "America/New_York" } });
      expect(last.message).toContain(`waits until ${text} (client time, America/New_York)`);
    } else {
      expect(last.kind).toBe("triggered");
    }
  });

  it("the first matching rule wins, service rules before the client's, and the timeline names it", async () => {
    const [svc] = await t.db.select().from(alerts).limit(0);
    void svc;
    const { services: svcTable } = await import("@/db/schema");
    const [service] = await t.db.select().from(svcTable).where(eq(svcTable.id, serviceId));
    await t.db.insert(priorityRules).values([
      { serviceId, position: 1, name: "Backups can wait", conditions: [{ field: "class", op: "equals", value: "backup", path: "" }], priority: "low" },
      { serviceId, position: 2, name: "Imaging is urgent", conditions: [{ field: "summary", op: "regex", value: "imaging-\\d+", path: "" }], priority: "high" },
      { clientId: service!.clientId, position: 1, name: "Client: everything from printers is low", conditions: [{ field: "source", op: "contains", value: "printer", path: "" }], priority: "low" },
    ]);
    try {
      const k1 = dedup("rule");
      await enqueue(trigger({ dedup_key: k1 }, { severity: "info", summary: "Disk full on imaging-01" }));
      const r1 = await incidentOf(k1);
      expect(r1.incident!.priority).toBe("high");
      expect(r1.timeline.find((x) => x.kind === "prioritised")!.message).toBe("Service rule 2 “Imaging is urgent” → high");
      const k2 = dedup("rule");
      await enqueue(trigger({ dedup_key: k2 }, { severity: "critical", summary: "Toner low", source: "printer-3" }));
      const r2 = await incidentOf(k2);
      expect(r2.alert.priorityRule).toMatchObject({ scope: "client", name: "Client: everything from printers is low", position: 1 });
      const k3 = dedup("rule");
      await enqueue(trigger({ dedup_key: k3 }, { severity: "critical", class: "backup" }));
      expect((await incidentOf(k3)).alert.priority).toBe("low");
    } finally {
      await t.db.delete(priorityRules).where(eq(priorityRules.serviceId, serviceId));
      await t.db.delete(priorityRules).where(eq(priorityRules.clientId, service!.clientId));
    }
  });

  it("maintenance records the alert and pages nobody; after it, alerts page again", async () => {
    await t.db.insert(maintenanceWindows).values({ serviceId, startsAt: new Date("2026-11-23T14:00:00Z"), endsAt: new Date("2026-11-23T16:00:00Z"), reason: "patching" });
    const k = dedup("maint");
    const r = await enqueue(trigger({ dedup_key: k }), { now: new Date("2026-11-23T15:30:00Z") });
    expect(r.status).toBe(202);
    const { alert, incident } = await incidentOf(k);
    expect(alert).toMatchObject({ suppressedReason: "maintenance", incidentId: null });
    expect(incident).toBeUndefined();
    const k2 = dedup("maint");
    await enqueue(trigger({ dedup_key: k2 }), { now: new Date("2026-11-23T16:00:00Z") });
    expect((await incidentOf(k2)).incident).toBeDefined();
  });
});
