import { randomBytes, randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
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
import { executePrepared } from "./prepared";
import { stripNulls } from "./strip-nulls";

/** Who is sending: no person, an integration key (or a heartbeat) pointing at a service. */
export type IngestCtx = { db: Queryable; meta: RequestMeta; now: Date; target: IngestTarget; source: AlertSource };

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

const ingestInput = z.object({ event: ingestEventSchema, raw: z.unknown() });

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * Timeline rows for an alert that a trigger joined (`cte` names a relation with id, incident_id,
 * event_count and status): "received", then "deduplicated" saying whether anyone is paged.
 */
function joinedTimelineRows(cte: SQL, c: { now: string; keyId: string | null; label: string; received: string; receivedDetails: unknown }, where: SQL) {
  return sql`
    select j.incident_id, ${c.now}::timestamptz as at, v.kind, 'integration' as actor_type, ${c.keyId}::text as actor_id, ${c.label}::text as actor_label,
      case v.kind when 'received' then ${c.received}::text
        else 'Same dedup key as the open alert: joined it (event ' || j.event_count || '); ' || case when j.status = 'acknowledged' then 'acknowledged, so nobody is paged' else 'nobody is paged again' end end as message,
      case v.kind when 'received' then ${json(c.receivedDetails)} else jsonb_build_object('eventCount', j.event_count) end as details,
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
  const prioritised = { message: describePriorityDecision(priority, event.severity), details: { priority: priority.priority, severity: event.severity, rule: priority.rule } };
  return { priority, paging, pages, alertId: randomUUID(), incidentId: pages ? randomUUID() : null, deferredUntil, outcomeRow, prioritised };
}

/**
 * A trigger as one statement (data-modifying CTEs): the open alert with this service and dedup
 * key is joined (j); if there is none, the service's paging config is read (cfg) and, when a
 * `plan` was made from a config with the same fingerprint (or `force`), the alert is inserted
 * (a) — ON CONFLICT on the unique partial index on open alerts makes a concurrent trigger's insert
 * a join — with its incident (i), escalation (x), raw event (e) and timeline rows (t). Returns one
 * row: joined_id/joined_incident_id, or alert_id/incident_id/inserted, or (nothing written) the
 * current config and its fingerprint. Every value is a bound parameter, so the text is the same
 * for every event (a prepared statement).
 */
function triggerStatement(c: {
  now: string;
  at: Date;
  keyId: string | null;
  label: string;
  receivedDetails: unknown;
  sourceLabel: string;
  event: IngestEvent;
  dedupKey: string;
  payload: SQL;
  target: IngestTarget;
  source: AlertSource;
  plan: ReturnType<typeof planNewAlert> | null;
  fingerprint: string | null;
  force: boolean;
}) {
  const { now, target, event, plan } = c;
  const received = `Received trigger from ${c.sourceLabel}`;
  const joinedCtx = { now, keyId: c.keyId, label: c.label, received, receivedDetails: c.receivedDetails };
  const customDetails = event.customDetails === undefined ? null : JSON.stringify(event.customDetails);
  return sql`
    with p as (select ${c.payload} as payload),
    j as (
      update alerts set event_count = event_count + 1, last_seen_at = ${now}::timestamptz
      where service_id = ${target.serviceId} and dedup_key = ${c.dedupKey} and status <> 'resolved'
      returning id, incident_id, event_count, status
    ),
    cfg as (
      select row_to_json(q)::text as config from (${pagingConfigQuery(target, c.at)}) q
      where not exists (select 1 from j)
    ),
    go as (
      select 1 from cfg where ${plan !== null}::boolean and (${c.force}::boolean or md5(cfg.config) = ${c.fingerprint}::text)
    ),
    a as (
      insert into alerts (id, service_id, client_id, team_id, incident_id, dedup_key, status, source, summary, severity, event_source, component, "group", class,
        custom_details, links, images, sender_name, sender_url, priority, priority_rule, suppressed_reason, event_count, first_seen_at, last_seen_at)
      select ${plan?.alertId ?? null}::text, ${target.serviceId}, ${target.clientId}, ${target.teamId}, ${plan?.incidentId ?? null}::text, ${c.dedupKey}, 'triggered', ${c.source}, ${event.summary!}, ${event.severity},
        ${event.source ?? null}::text, ${event.component ?? null}::text, ${event.group ?? null}::text, ${event.class ?? null}::text,
        ${customDetails}::jsonb, ${json(event.links)}, ${json(event.images)}, ${event.senderName ?? null}::text, ${event.senderUrl ?? null}::text,
        ${plan?.priority.priority ?? "medium"}, ${plan?.priority.rule ? JSON.stringify(plan.priority.rule) : null}::jsonb, ${plan?.paging.kind === "record" ? plan.paging.reason : null}::text, 1, ${now}::timestamptz, ${now}::timestamptz
      from go
      on conflict (service_id, dedup_key) where status <> 'resolved'
      do update set event_count = alerts.event_count + 1, last_seen_at = excluded.last_seen_at
      returning id, incident_id, event_count, status, (xmax = 0) as inserted
    ),
    i as (
      insert into incidents (id, title, status, priority, client_id, service_id, team_id, escalation_policy_id, triggered_at, deferred_until, updated_at)
      select ${plan?.incidentId ?? null}::text, ${event.summary!}, 'triggered', ${plan?.priority.priority ?? "medium"}, ${target.clientId}, ${target.serviceId}, ${target.teamId}, ${target.escalationPolicyId}::text,
        ${now}::timestamptz, ${plan?.deferredUntil ?? null}::timestamptz, ${now}::timestamptz
      from a where a.inserted and ${plan?.pages ?? false}::boolean
      returning id
    ),
    x as (
      -- The escalation starts with the incident: its policy snapshotted, due now or at business hours.
      insert into incident_escalations (incident_id, policy, phase, next_due_at, created_at, updated_at)
      select i.id,
        (select jsonb_build_object('policyId', ep.id, 'name', ep.name, 'levels', ep.levels, 'repeat', ep.repeat, 'stopOn', ep.stop_on, 'failover', ep.failover)
          from escalation_policies ep where ep.id = ${target.escalationPolicyId}::text),
        ${plan?.deferredUntil ? "deferred" : "active"}, coalesce(${plan?.deferredUntil ?? null}::timestamptz, ${now}::timestamptz), ${now}::timestamptz, ${now}::timestamptz
      from i
    ),
    e as (
      insert into alert_events ${EVENT_COLUMNS}
      select ${target.serviceId}, r.id, ${c.keyId}::text, ${now}::timestamptz, ${c.source}, 'trigger', ${c.dedupKey}, r.outcome, (select payload from p)
      from (select j.id, 'deduplicated' as outcome from j union all select a.id, case when a.inserted then 'created' else 'deduplicated' end from a) r
    ),
    t as (
      insert into incident_timeline ${TIMELINE_COLUMNS}
      select incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal from (
        select i.id as incident_id, ${now}::timestamptz as at, v.kind, 'integration' as actor_type, ${c.keyId}::text as actor_id, ${c.label}::text as actor_label, v.message, v.details, v.internal, v.ord
        from i cross join (values
          (1, 'received', ${`${received} on ${target.serviceName}`}::text, ${json(c.receivedDetails)}, true),
          (2, 'prioritised', ${plan?.prioritised.message ?? null}::text, ${json(plan?.prioritised.details ?? null)}, true),
          (3, ${plan?.outcomeRow.kind ?? null}::text, ${plan?.outcomeRow.message ?? null}::text, ${json(plan?.outcomeRow.details ?? null)}, false)
        ) as v(ord, kind, message, details, internal)
        union all
        ${joinedTimelineRows(sql`j`, joinedCtx, sql`true`)}
        union all
        ${joinedTimelineRows(sql`a`, joinedCtx, sql`not j.inserted`)}
      ) x order by ord
    )
    select (select id from j limit 1) as joined_id, (select incident_id from j limit 1) as joined_incident_id,
      (select id from a limit 1) as alert_id, (select incident_id from a limit 1) as incident_id, coalesce((select inserted from a limit 1), false) as inserted,
      case when not exists (select 1 from go) then (select config from cfg) end as config,
      case when not exists (select 1 from go) then (select md5(config) from cfg) end as fingerprint`;
}

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
 * config costs one more round trip). Statements are prepared (named) so PostgreSQL plans them once
 * per connection. Nothing here trusts a cache for correctness: dedup stays with the unique index.
 */
export async function ingestEvent({ ctx, input }: { ctx: IngestCtx; input: unknown }): Promise<IngestResult> {
  const { event, raw } = parseInput(ingestInput, stripNulls(input));
  const dedupKey = event.dedupKey ?? randomBytes(16).toString("hex");
  const { target, db } = ctx;
  const now = ctx.now.toISOString();
  const sourceLabel = SOURCE_LABELS[ctx.source];
  const label = target.keyPrefix ? `${sourceLabel} (key ${target.keyPrefix}…)` : sourceLabel;
  const payload = json(raw ?? {});
  const receivedDetails = { source: ctx.source, action: event.action, dedupKey };
  const common = { now, keyId: target.keyId, label, receivedDetails };

  const hintKey = `${target.serviceId}\u0000${dedupKey}`;
  if (event.action === "trigger") {
    // A repeat of a key this process saw open: the small statement that only joins (the big one
    // below also joins, but costs more to run). If the alert was resolved meanwhile, fall through.
    if (openAlertHints.has(hintKey)) {
      const [joined] = rowsOf(
        await executePrepared(
          db,
          sql`
          with j as (
            update alerts set event_count = event_count + 1, last_seen_at = ${now}::timestamptz
            where service_id = ${target.serviceId} and dedup_key = ${dedupKey} and status <> 'resolved'
            returning id, incident_id, event_count, status
          ),
          e as (
            insert into alert_events ${EVENT_COLUMNS}
            select ${target.serviceId}, j.id, ${target.keyId}::text, ${now}::timestamptz, ${ctx.source}, 'trigger', ${dedupKey}, 'deduplicated', ${payload} from j
          ),
          t as (
            insert into incident_timeline ${TIMELINE_COLUMNS}
            select incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal
            from (${joinedTimelineRows(sql`j`, { ...common, received: `Received trigger from ${sourceLabel}` }, sql`true`)}) x order by ord
          )
          select id, incident_id from j`,
        ),
      );
      if (joined) return { dedupKey, outcome: "deduplicated", alertId: String(joined.id), incidentId: (joined.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
      openAlertHints.delete(hintKey);
    }

    // Usually ONE statement: join the open alert, or (no open alert) create the alert with the
    // priority and paging decided from this service's cached paging config, which the statement
    // checks against the database's current one (a fingerprint of the same query): if rules,
    // holidays, business hours or maintenance changed, nothing is created, the fresh config comes
    // back and the statement runs once more with it, as when the service is first seen here.
    let cached = pagingConfigCache.get(target.serviceId);
    for (let attempt = 0; attempt < 2; attempt++) {
      const plan = cached ? planNewAlert(event, ctx, cached.config) : null;
      const [row] = rowsOf(
        await executePrepared(
          db,
          triggerStatement({ ...common, event, dedupKey, payload, sourceLabel, target, source: ctx.source, at: ctx.now, plan, fingerprint: cached?.fingerprint ?? null, force: attempt > 0 }),
        ),
      );
      if (row?.joined_id || row?.alert_id) hintOpen(hintKey);
      if (row?.joined_id) return { dedupKey, outcome: "deduplicated", alertId: String(row.joined_id), incidentId: (row.joined_incident_id as string | null) ?? null, paging: null, deferredUntil: null };
      if (row?.alert_id) {
        // The unique partial index on open alerts is the dedup: if a concurrent trigger got there
        // first, ON CONFLICT turned the insert into a join and no incident was made.
        if (!isTrue(row.inserted)) return { dedupKey, outcome: "deduplicated", alertId: String(row.alert_id), incidentId: (row.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
        const { alertId, incidentId, paging, deferredUntil } = plan!;
        if (incidentId) await escalationStarted(incidentId, target.serviceId, deferredUntil ? new Date(deferredUntil) : ctx.now);
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
  const done = { kind: newStatus, message: `${ack ? "Acknowledged" : "Resolved"} by ${sourceLabel}` };
  const rows = rowsOf(
    await executePrepared(db, sql`
      with o as (
        select id, incident_id, status from alerts where service_id = ${target.serviceId} and dedup_key = ${dedupKey} and status <> 'resolved' limit 1
      ),
      a as (
        update alerts set status = ${newStatus},
          acknowledged_at = case when ${ack}::boolean then ${now}::timestamptz else acknowledged_at end,
          resolved_at = case when ${ack}::boolean then resolved_at else ${now}::timestamptz end
        where id = (select id from o) and status <> 'resolved' and (not ${ack}::boolean or status = 'triggered')
        returning id, incident_id
      ),
      i as (
        update incidents set status = ${newStatus}, updated_at = ${now}::timestamptz, unanswered_at = null,
          acknowledged_at = case when ${ack}::boolean then ${now}::timestamptz else acknowledged_at end,
          resolved_at = case when ${ack}::boolean then resolved_at else ${now}::timestamptz end
        where id = (select incident_id from a) and (case when ${ack}::boolean then status = 'triggered' else status <> 'resolved' end)
        returning id
      ),
      n as (
        -- Pages not yet sent are cancelled and reminders stop: someone answered.
        update notifications set state = case when state = 'pending' then 'cancelled' else state end, due_at = null
        where incident_id = (select id from i) and due_at is not null and kind = 'page'
      ),
      e as (
        insert into alert_events ${EVENT_COLUMNS}
        values (${target.serviceId}, (select id from o), ${target.keyId}::text, ${now}::timestamptz, ${ctx.source}, ${event.action}, ${dedupKey},
          case when not exists (select 1 from o) then 'dropped' when exists (select 1 from a) then ${newStatus}::text else 'unchanged' end, ${payload})
      ),
      t as (
        insert into incident_timeline ${TIMELINE_COLUMNS}
        select o.incident_id, ${now}::timestamptz, v.kind, 'integration', ${target.keyId}::text, ${label}::text,
          case when v.ord = 1 and not exists (select 1 from a) then v.message || ': already ' || o.status else v.message end, v.details, v.internal
        from o cross join (values
          (1, 'received', ${`Received ${event.action} from ${sourceLabel}`}::text, ${json(receivedDetails)}, true),
          (2, ${done.kind}::text, ${done.message}::text, '{}'::jsonb, false)
        ) as v(ord, kind, message, details, internal)
        where o.incident_id is not null and (v.ord = 1 or exists (select 1 from i))
        order by v.ord
      )
      select (select id from o) as alert_id, (select incident_id from o) as incident_id, exists (select 1 from o) as found, exists (select 1 from a) as changed`),
  );
  const r = rows[0]!;
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
