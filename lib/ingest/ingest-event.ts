import { randomBytes, randomUUID } from "node:crypto";
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import type { AlertSource } from "@/db/schema";
import type { RequestMeta } from "@/lib/audit/record";
import { decidePaging, decidePriority, describePriorityDecision, type PagingDecision } from "@/lib/core/alerts";
import { escalationStarted, incidentAnswered } from "@/lib/escalations/signals";
import { describeDeferral } from "@/lib/incidents/format";
import { parseInput } from "@/lib/validation";
import { ingestEventSchema, SOURCE_LABELS } from "./event-schema";
import type { IngestTarget } from "./integration-key-auth";
import { pagingConfigQuery, parsePagingConfig, type PagingConfig } from "./paging-config";
import { preparedStatement } from "./prepared";
import { stripNulls } from "./strip-nulls";

/** Who is sending: an integration key (or a heartbeat) pointing at a service, or a person declaring an incident by hand. */
export type IngestCtx = {
  db: Queryable;
  meta: RequestMeta;
  now: Date;
  target: IngestTarget;
  source: AlertSource;
  /** A person declaring an incident by hand (source "manual"): they are the timeline's actor, not an integration. */
  actor?: { userId: string; label: string };
  /**
   * `db` is the caller's transaction: the caller starts the escalation (escalationStarted) once it
   * has committed, so the workflow never looks for an incident it can't see yet.
   */
  signalAfterCommit?: boolean;
};

export type IngestOutcome = "created" | "deduplicated" | "acknowledged" | "resolved" | "unchanged" | "dropped" | "ignored";
export type IngestResult = {
  dedupKey: string;
  outcome: IngestOutcome;
  alertId: string | null;
  incidentId: string | null;
  /** For a new alert: paged now, deferred to business hours, or only recorded. */
  paging: PagingDecision["kind"] | null;
  deferredUntil: string | null;
};

// Each intake checks nesting where it parses its body, naming its own fields (parseInput's depth guard backs them).
const ingestInput = z.object({ event: ingestEventSchema, raw: z.unknown() });

type Row = Record<string, unknown>;
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

type TimelineKeys = "now" | "keyId" | "actorType" | "actorId" | "label" | "received" | "receivedDetails";

/**
 * Timeline rows for an alert that a trigger joined (`cte` names a relation with id, incident_id,
 * event_count and status): "received", then "deduplicated" saying whether anyone is paged.
 */
function joinedTimelineRows(cte: SQL, p: (key: TimelineKeys) => Placeholder, where: SQL) {
  return sql`
    select j.incident_id, ${p("now")}::timestamptz as at, v.kind, ${p("actorType")}::text as actor_type, ${p("actorId")}::text as actor_id, ${p("label")}::text as actor_label,
      case v.kind when 'received' then ${p("received")}::text
        else 'Same dedup key as the open alert: joined it (event ' || j.event_count || '); ' || case when j.status = 'acknowledged' then 'acknowledged, so nobody is paged' else 'nobody is paged again' end end as message,
      case v.kind when 'received' then ${p("receivedDetails")}::jsonb else jsonb_build_object('eventCount', j.event_count) end as details,
      true as internal, v.ord
    from ${cte} j cross join (values (1, 'received'), (2, 'deduplicated')) as v(ord, kind)
    where j.incident_id is not null and ${where}`;
}

const TIMELINE_COLUMNS = sql`(incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal)`;
const EVENT_COLUMNS = sql`(service_id, alert_id, integration_key_id, received_at, source, action, dedup_key, outcome, payload)`;

const isTrue = (v: unknown) => v === true || v === "t";
const parseJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

// Service id → its paging config as last read, with the database's fingerprint of it. Never
// trusted as is: the statement that creates an alert compares the fingerprint with the current
// config's (see triggerStatement). On globalThis so every bundle of the app shares it.
type CachedPagingConfig = { config: PagingConfig; fingerprint: string };
const PAGING_CONFIG_CACHE_MAX = 10_000;
const PAGING_CONFIG_CACHE = Symbol.for("baton.ingest-paging-config-cache");
const pagingConfigCache = ((globalThis as Record<symbol, unknown>)[PAGING_CONFIG_CACHE] ??= new Map<string, CachedPagingConfig>()) as Map<string, CachedPagingConfig>;

// "service id NUL dedup key" of alerts this process last saw open: a hint only (any process may
// resolve them), so that a repeat tries the small joining statement first.
const OPEN_ALERT_HINTS_MAX = 50_000;
const OPEN_ALERT_HINTS = Symbol.for("baton.ingest-open-alert-hints");
const openAlertHints = ((globalThis as Record<symbol, unknown>)[OPEN_ALERT_HINTS] ??= new Set<string>()) as Set<string>;
function hintOpen(key: string) {
  if (openAlertHints.size >= OPEN_ALERT_HINTS_MAX) openAlertHints.clear();
  openAlertHints.add(key);
}

type IngestEvent = z.output<typeof ingestEventSchema>;

/** A new alert's priority, paging decision, ids and timeline texts, from the service's paging config. */
function planNewAlert(event: IngestEvent, ctx: IngestCtx, cfg: PagingConfig) {
  const facts = { severity: event.severity, summary: event.summary!, source: event.source, component: event.component, group: event.group, class: event.class, customDetails: event.customDetails };
  const priority = decidePriority(facts, [
    { scope: "service", rules: cfg.serviceRules },
    { scope: "client", rules: cfg.clientRules },
  ]);
  const paging = decidePaging({ priority: priority.priority, at: ctx.now, businessHours: cfg.businessHours, holidays: cfg.holidays, timeZone: cfg.timeZone, lowPriority: cfg.lowPriority, inMaintenance: cfg.inMaintenance });
  const pages = paging.kind !== "record";
  const deferredUntil = paging.kind === "defer" ? paging.until.toISOString() : null;
  const outcomeRow =
    paging.kind === "defer"
      ? { kind: "deferred", message: `${priority.priority === "low" ? "Low" : "Medium"} priority outside ${cfg.clientName}'s business hours: ${describeDeferral(paging.until, cfg.timeZone)}`, details: { until: deferredUntil, timeZone: cfg.timeZone } }
      : {
          kind: "triggered",
          message: paging.kind === "page" && paging.reason === "high" ? "High priority: paging now" : paging.kind === "page" && paging.reason === "business_hours" ? `Inside ${cfg.clientName}'s business hours: paging now` : `${cfg.clientName} has no business hours: paging now`,
          details: { reason: paging.kind === "page" ? paging.reason : null },
        };
  // A declared incident's severity only carries the priority the person chose (or high): say so, not "critical → high".
  const prioritisedMessage = ctx.actor && !priority.rule ? `As declared: ${priority.priority} (no priority rule matched)` : describePriorityDecision(priority, event.severity);
  const prioritised = { message: prioritisedMessage, details: { priority: priority.priority, severity: event.severity, rule: priority.rule } };
  return { priority, paging, pages, alertId: randomUUID(), incidentId: pages ? randomUUID() : null, deferredUntil, outcomeRow, prioritised };
}

/** The open alert with this service and dedup key, joined: its event count and last seen go up. */
const joinOpenAlert = (p: (key: "now" | "serviceId" | "dedupKey") => Placeholder) => sql`
  update alerts set event_count = event_count + 1, last_seen_at = ${p("now")}::timestamptz
  where service_id = ${p("serviceId")} and dedup_key = ${p("dedupKey")} and status <> 'resolved'
  returning id, incident_id, event_count, status`;

/**
 * A repeat of a key this process saw open: joins the open alert (count and last seen up), with
 * the raw event and the "received" and "deduplicated" timeline rows. Returns the alert's id and
 * incident id, or no row when the alert was resolved meanwhile.
 */
const joinStatement = preparedStatement<TimelineKeys | "serviceId" | "dedupKey" | "source" | "payload">(
  (p) => sql`
    with j as (${joinOpenAlert(p)}),
    e as (
      insert into alert_events ${EVENT_COLUMNS}
      select ${p("serviceId")}, j.id, ${p("keyId")}::text, ${p("now")}::timestamptz, ${p("source")}, 'trigger', ${p("dedupKey")}, 'deduplicated', ${p("payload")}::jsonb from j
    ),
    t as (
      insert into incident_timeline ${TIMELINE_COLUMNS}
      select incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal
      from (${joinedTimelineRows(sql`j`, p, sql`true`)}) x order by ord
    )
    select id, incident_id from j`,
);

type TriggerKeys =
  | TimelineKeys
  | "serviceId" | "clientId" | "teamId" | "escalationPolicyId" | "dedupKey" | "source" | "payload"
  | "hasPlan" | "force" | "fingerprint" | "alertId" | "incidentId" | "summary" | "severity" | "eventSource" | "component" | "group" | "class"
  | "customDetails" | "links" | "images" | "senderName" | "senderUrl" | "priority" | "priorityRule" | "suppressedReason" | "pages" | "deferredUntil" | "phase"
  | "receivedOn" | "prioritisedMessage" | "prioritisedDetails" | "outcomeKind" | "outcomeMessage" | "outcomeDetails";

/**
 * A trigger as one statement (data-modifying CTEs): the open alert with this service and dedup
 * key is joined (j); if there is none, the service's paging config is read (cfg) and, when a
 * plan was made from a config with the same fingerprint (or `force`), the alert is inserted
 * (a) — ON CONFLICT on the unique partial index on open alerts makes a concurrent trigger's insert
 * a join — with its incident (i), escalation (x), raw event (e) and timeline rows (t). Returns one
 * row: joined_id/joined_incident_id, or alert_id/incident_id/inserted, or (nothing written) the
 * current config and its fingerprint.
 */
const triggerStatement = preparedStatement<TriggerKeys>(
  (p) => sql`
    with j as (${joinOpenAlert(p)}),
    cfg as (
      select row_to_json(q)::text as config from (${pagingConfigQuery(p)}) q
      where not exists (select 1 from j)
    ),
    go as (
      select 1 from cfg where ${p("hasPlan")}::boolean and (${p("force")}::boolean or md5(cfg.config) = ${p("fingerprint")}::text)
    ),
    a as (
      insert into alerts (id, service_id, client_id, team_id, incident_id, dedup_key, status, source, summary, severity, event_source, component, "group", class,
        custom_details, links, images, sender_name, sender_url, priority, priority_rule, suppressed_reason, event_count, first_seen_at, last_seen_at)
      select ${p("alertId")}::text, ${p("serviceId")}, ${p("clientId")}, ${p("teamId")}, ${p("incidentId")}::text, ${p("dedupKey")}, 'triggered', ${p("source")}, ${p("summary")}, ${p("severity")},
        ${p("eventSource")}::text, ${p("component")}::text, ${p("group")}::text, ${p("class")}::text,
        ${p("customDetails")}::jsonb, ${p("links")}::jsonb, ${p("images")}::jsonb, ${p("senderName")}::text, ${p("senderUrl")}::text,
        ${p("priority")}, ${p("priorityRule")}::jsonb, ${p("suppressedReason")}::text, 1, ${p("now")}::timestamptz, ${p("now")}::timestamptz
      from go
      on conflict (service_id, dedup_key) where status <> 'resolved'
      do update set event_count = alerts.event_count + 1, last_seen_at = excluded.last_seen_at
      returning id, incident_id, event_count, status, (xmax = 0) as inserted
    ),
    i as (
      insert into incidents (id, title, status, priority, client_id, service_id, team_id, escalation_policy_id, triggered_at, deferred_until, updated_at)
      select ${p("incidentId")}::text, ${p("summary")}, 'triggered', ${p("priority")}, ${p("clientId")}, ${p("serviceId")}, ${p("teamId")}, ${p("escalationPolicyId")}::text,
        ${p("now")}::timestamptz, ${p("deferredUntil")}::timestamptz, ${p("now")}::timestamptz
      from a where a.inserted and ${p("pages")}::boolean
      returning id
    ),
    x as (
      -- The escalation starts with the incident: its policy snapshotted, due now or at business hours.
      insert into incident_escalations (incident_id, policy, phase, next_due_at, created_at, updated_at)
      select i.id,
        (select jsonb_build_object('policyId', ep.id, 'name', ep.name, 'levels', ep.levels, 'repeat', ep.repeat, 'stopOn', ep.stop_on, 'failover', ep.failover)
          from escalation_policies ep where ep.id = ${p("escalationPolicyId")}::text),
        ${p("phase")}, coalesce(${p("deferredUntil")}::timestamptz, ${p("now")}::timestamptz), ${p("now")}::timestamptz, ${p("now")}::timestamptz
      from i
    ),
    e as (
      insert into alert_events ${EVENT_COLUMNS}
      select ${p("serviceId")}, r.id, ${p("keyId")}::text, ${p("now")}::timestamptz, ${p("source")}, 'trigger', ${p("dedupKey")}, r.outcome, ${p("payload")}::jsonb
      from (select j.id, 'deduplicated' as outcome from j union all select a.id, case when a.inserted then 'created' else 'deduplicated' end from a) r
    ),
    t as (
      insert into incident_timeline ${TIMELINE_COLUMNS}
      select incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal from (
        select i.id as incident_id, ${p("now")}::timestamptz as at, v.kind, ${p("actorType")}::text as actor_type, ${p("actorId")}::text as actor_id, ${p("label")}::text as actor_label, v.message, v.details, v.internal, v.ord
        from i cross join (values
          (1, 'received', ${p("receivedOn")}::text, ${p("receivedDetails")}::jsonb, true),
          (2, 'prioritised', ${p("prioritisedMessage")}::text, ${p("prioritisedDetails")}::jsonb, true),
          (3, ${p("outcomeKind")}::text, ${p("outcomeMessage")}::text, ${p("outcomeDetails")}::jsonb, false)
        ) as v(ord, kind, message, details, internal)
        union all
        ${joinedTimelineRows(sql`j`, p, sql`true`)}
        union all
        ${joinedTimelineRows(sql`a`, p, sql`not j.inserted`)}
      ) x order by ord
    )
    select (select id from j limit 1) as joined_id, (select incident_id from j limit 1) as joined_incident_id,
      (select id from a limit 1) as alert_id, (select incident_id from a limit 1) as incident_id, coalesce((select inserted from a limit 1), false) as inserted,
      case when not exists (select 1 from go) then (select config from cfg) end as config,
      case when not exists (select 1 from go) then (select md5(config) from cfg) end as fingerprint`,
);

/** The values of `triggerStatement` for one event and (when the service's config is cached) its plan. */
function triggerValues(c: { event: IngestEvent; plan: ReturnType<typeof planNewAlert> | null; fingerprint: string | null; force: boolean }) {
  const { event, plan } = c;
  return {
    hasPlan: plan !== null,
    force: c.force,
    fingerprint: c.fingerprint,
    alertId: plan?.alertId ?? null,
    incidentId: plan?.incidentId ?? null,
    summary: event.summary!,
    severity: event.severity,
    eventSource: event.source ?? null,
    component: event.component ?? null,
    group: event.group ?? null,
    class: event.class ?? null,
    customDetails: event.customDetails === undefined ? null : JSON.stringify(event.customDetails),
    links: JSON.stringify(event.links),
    images: JSON.stringify(event.images),
    senderName: event.senderName ?? null,
    senderUrl: event.senderUrl ?? null,
    priority: plan?.priority.priority ?? "medium",
    priorityRule: plan?.priority.rule ? JSON.stringify(plan.priority.rule) : null,
    suppressedReason: plan?.paging.kind === "record" ? plan.paging.reason : null,
    pages: plan?.pages ?? false,
    deferredUntil: plan?.deferredUntil ?? null,
    phase: plan?.deferredUntil ? "deferred" : "active",
    prioritisedMessage: plan?.prioritised.message ?? null,
    prioritisedDetails: JSON.stringify(plan?.prioritised.details ?? null),
    outcomeKind: plan?.outcomeRow.kind ?? null,
    outcomeMessage: plan?.outcomeRow.message ?? null,
    outcomeDetails: JSON.stringify(plan?.outcomeRow.details ?? null),
  };
}

/**
 * Acknowledge or resolve: applies to the open alert with this service and dedup key, and to its
 * incident (pages not yet sent are cancelled, reminders stop); the raw event and timeline rows
 * are written either way. Returns alert_id, incident_id, found and changed.
 */
const answerStatement = preparedStatement<"now" | "serviceId" | "dedupKey" | "newStatus" | "ack" | "keyId" | "actorType" | "actorId" | "source" | "action" | "payload" | "label" | "receivedMessage" | "receivedDetails" | "doneKind" | "doneMessage">(
  (p) => sql`
    with o as (
      select id, incident_id, status from alerts where service_id = ${p("serviceId")} and dedup_key = ${p("dedupKey")} and status <> 'resolved' limit 1
    ),
    a as (
      update alerts set status = ${p("newStatus")},
        acknowledged_at = case when ${p("ack")}::boolean then ${p("now")}::timestamptz else acknowledged_at end,
        resolved_at = case when ${p("ack")}::boolean then resolved_at else ${p("now")}::timestamptz end
      where id = (select id from o) and status <> 'resolved' and (not ${p("ack")}::boolean or status = 'triggered')
      returning id, incident_id
    ),
    i as (
      update incidents set status = ${p("newStatus")}, updated_at = ${p("now")}::timestamptz, unanswered_at = null,
        acknowledged_at = case when ${p("ack")}::boolean then ${p("now")}::timestamptz else acknowledged_at end,
        resolved_at = case when ${p("ack")}::boolean then resolved_at else ${p("now")}::timestamptz end
      where id = (select incident_id from a) and (case when ${p("ack")}::boolean then status = 'triggered' else status <> 'resolved' end)
      returning id
    ),
    n as (
      -- Pages not yet sent are cancelled and reminders stop: someone answered.
      update notifications set state = case when state = 'pending' then 'cancelled' else state end, due_at = null
      where incident_id = (select id from i) and due_at is not null and kind = 'page'
    ),
    e as (
      insert into alert_events ${EVENT_COLUMNS}
      values (${p("serviceId")}, (select id from o), ${p("keyId")}::text, ${p("now")}::timestamptz, ${p("source")}, ${p("action")}, ${p("dedupKey")},
        case when not exists (select 1 from o) then 'dropped' when exists (select 1 from a) then ${p("newStatus")}::text else 'unchanged' end, ${p("payload")}::jsonb)
    ),
    t as (
      insert into incident_timeline ${TIMELINE_COLUMNS}
      select o.incident_id, ${p("now")}::timestamptz, v.kind, ${p("actorType")}::text, ${p("actorId")}::text, ${p("label")}::text,
        case when v.ord = 1 and not exists (select 1 from a) then v.message || ': already ' || o.status else v.message end, v.details, v.internal
      from o cross join (values
        (1, 'received', ${p("receivedMessage")}::text, ${p("receivedDetails")}::jsonb, true),
        (2, ${p("doneKind")}::text, ${p("doneMessage")}::text, '{}'::jsonb, false)
      ) as v(ord, kind, message, details, internal)
      where o.incident_id is not null and (v.ord = 1 or exists (select 1 from i))
      order by v.ord
    )
    select (select id from o) as alert_id, (select incident_id from o) as incident_id, exists (select 1 from o) as found, exists (select 1 from a) as changed`,
);

/**
 * One event from a monitoring tool, with PagerDuty's semantics: a trigger opens an alert or joins
 * the open one with the same service and dedup key (the unique partial index on open alerts
 * decides, so concurrent triggers make one alert); acknowledge and resolve apply to the open
 * alert and are accepted and dropped when there is none. A new alert gets its priority from the
 * rules and pages now, waits for the client's business hours, or is only recorded.
 *
 * Each outcome is written by ONE statement (data-modifying CTEs: the alert, the incident, the raw
 * event with its payload and the timeline rows together), so it is atomic without an explicit
 * transaction and costs one round trip: the hot path of a noisy monitoring tool. A new alert's
 * rules are read in that statement too (checked against a cached copy by fingerprint; a changed
 * config costs one more round trip). The statements are prepared once (`preparedStatement`: fixed
 * text, named placeholders), so PostgreSQL plans them once per connection and an event only binds
 * values. Nothing here trusts a cache for correctness: dedup stays with the unique index.
 */
export async function ingestEvent({ ctx, input }: { ctx: IngestCtx; input: unknown }): Promise<IngestResult> {
  const { event, raw } = parseInput(ingestInput, stripNulls(input));
  const dedupKey = event.dedupKey ?? randomBytes(16).toString("hex");
  const { target, db } = ctx;
  const now = ctx.now.toISOString();
  const sourceLabel = SOURCE_LABELS[ctx.source];
  const { actor } = ctx;
  const label = actor ? actor.label : target.keyPrefix ? `${sourceLabel} (key ${target.keyPrefix}…)` : sourceLabel;
  const common = {
    now,
    serviceId: target.serviceId,
    dedupKey,
    keyId: target.keyId,
    actorType: actor ? "user" : "integration",
    actorId: actor ? actor.userId : target.keyId,
    source: ctx.source,
    payload: JSON.stringify(raw ?? {}),
    label,
    receivedDetails: JSON.stringify({ source: ctx.source, action: event.action, dedupKey }),
  };

  const hintKey = `${target.serviceId}\u0000${dedupKey}`;
  if (event.action === "trigger") {
    const received = actor ? `Declared by ${actor.label}` : `Received trigger from ${sourceLabel}`;
    // A repeat of a key this process saw open: the small statement that only joins (the big one
    // below also joins, but costs more to run). If the alert was resolved meanwhile, fall through.
    if (openAlertHints.has(hintKey)) {
      const [joined] = (await joinStatement(db, { ...common, received })).rows;
      if (joined) return { dedupKey, outcome: "deduplicated", alertId: String(joined.id), incidentId: (joined.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
      openAlertHints.delete(hintKey);
    }

    // Usually ONE statement: join the open alert, or (no open alert) create the alert with the
    // priority and paging decided from this service's cached paging config, which the statement
    // checks against the database's current one (a fingerprint of the same query): if rules,
    // holidays, business hours or maintenance changed, nothing is created, the fresh config comes
    // back and the statement runs once more with it, as when the service is first seen here.
    const targetValues = { clientId: target.clientId, teamId: target.teamId, escalationPolicyId: target.escalationPolicyId, received, receivedOn: `${received} on ${target.serviceName}` };
    let cached = pagingConfigCache.get(target.serviceId);
    for (let attempt = 0; attempt < 2; attempt++) {
      const plan = cached ? planNewAlert(event, ctx, cached.config) : null;
      const [row] = (await triggerStatement(db, { ...common, ...targetValues, ...triggerValues({ event, plan, fingerprint: cached?.fingerprint ?? null, force: attempt > 0 }) })).rows;
      if (row?.joined_id || row?.alert_id) hintOpen(hintKey);
      if (row?.joined_id) return { dedupKey, outcome: "deduplicated", alertId: String(row.joined_id), incidentId: (row.joined_incident_id as string | null) ?? null, paging: null, deferredUntil: null };
      if (row?.alert_id) {
        // The unique partial index on open alerts is the dedup: if a concurrent trigger got there
        // first, ON CONFLICT turned the insert into a join and no incident was made.
        if (!isTrue(row.inserted)) return { dedupKey, outcome: "deduplicated", alertId: String(row.alert_id), incidentId: (row.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
        const { alertId, incidentId, paging, deferredUntil } = plan!;
        if (incidentId && !ctx.signalAfterCommit) await escalationStarted(incidentId, target.serviceId, deferredUntil ? new Date(deferredUntil) : ctx.now);
        return { dedupKey, outcome: "created", alertId, incidentId, paging: paging.kind, deferredUntil };
      }
      if (!row?.config) break;
      cached = { config: parsePagingConfig(parseJson(row.config) as Row), fingerprint: String(row.fingerprint) };
      if (pagingConfigCache.size >= PAGING_CONFIG_CACHE_MAX) pagingConfigCache.clear();
      pagingConfigCache.set(target.serviceId, cached);
    }
    throw new Error(`client ${target.clientId} of service ${target.serviceId} is missing`);
  }

  // acknowledge / resolve: apply to the open alert, or accept and drop.
  const ack = event.action === "acknowledge";
  const newStatus = ack ? "acknowledged" : "resolved";
  const r = (
    await answerStatement(db, {
      ...common,
      newStatus,
      ack,
      action: event.action,
      receivedMessage: `Received ${event.action} from ${sourceLabel}`,
      doneKind: newStatus,
      doneMessage: `${ack ? "Acknowledged" : "Resolved"} by ${sourceLabel}`,
    })
  ).rows[0]!;
  const outcome: IngestOutcome = !r.found ? "dropped" : r.changed ? newStatus : "unchanged";
  if (!ack) openAlertHints.delete(hintKey);
  if (r.changed && r.incident_id) await incidentAnswered(String(r.incident_id), newStatus);
  return { dedupKey, outcome, alertId: (r.alert_id as string | null) ?? null, incidentId: (r.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
}

/** An event a rule chose to ignore (an email rule): stored for debugging, nothing else happens. */
export async function recordIgnoredEvent(ctx: IngestCtx, dedupKey: string, raw: unknown): Promise<IngestResult> {
  await ctx.db.execute(sql`
    insert into alert_events ${EVENT_COLUMNS}
    values (${ctx.target.serviceId}, null, ${ctx.target.keyId}::text, ${ctx.now.toISOString()}::timestamptz, ${ctx.source}, 'ignore', ${dedupKey}, 'ignored', ${json(stripNulls(raw ?? {}))})`);
  return { dedupKey, outcome: "ignored", alertId: null, incidentId: null, paging: null, deferredUntil: null };
}
