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
import { loadPagingConfig } from "./paging-config";
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

/**
 * One event from a monitoring tool, with PagerDuty's semantics: a trigger opens an alert or joins
 * the open one with the same service and dedup key (the unique partial index on open alerts
 * decides, so concurrent triggers make one alert); acknowledge and resolve apply to the open
 * alert and are accepted and dropped when there is none. A new alert gets its priority from the
 * rules and pages now, waits for the client's business hours, or is only recorded.
 *
 * Each outcome is written by ONE statement (data-modifying CTEs: the alert, the incident, the raw
 * event with its payload and the timeline rows together), so it is atomic without an explicit
 * transaction and costs one round trip: the hot path of a noisy monitoring tool.
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

  if (event.action === "trigger") {
    // Most repeats join an open alert: one statement, no rules to read.
    const joined = rowsOf(
      await db.execute(sql`
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
        select id, incident_id from j`),
    );
    if (joined[0]) return { dedupKey, outcome: "deduplicated", alertId: String(joined[0].id), incidentId: (joined[0].incident_id as string | null) ?? null, paging: null, deferredUntil: null };

    const cfg = await loadPagingConfig(db, target, ctx.now);
    const facts = { severity: event.severity, summary: event.summary!, source: event.source, component: event.component, group: event.group, class: event.class, customDetails: event.customDetails };
    const priority = decidePriority(facts, [
      { scope: "service", rules: cfg.serviceRules },
      { scope: "client", rules: cfg.clientRules },
    ]);
    const paging = decidePaging({ priority: priority.priority, at: ctx.now, businessHours: cfg.businessHours, holidays: cfg.holidays, timeZone: cfg.timeZone, lowPriority: cfg.lowPriority, inMaintenance: cfg.inMaintenance });
    const pages = paging.kind !== "record";
    const alertId = randomUUID();
    const incidentId = pages ? randomUUID() : null;
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
    // The unique partial index on open alerts is the dedup: if a concurrent trigger got there
    // first, ON CONFLICT turns this insert into a join and no incident is made.
    const rows = rowsOf(
      await db.execute(sql`
        with a as (
          insert into alerts (id, service_id, client_id, team_id, incident_id, dedup_key, status, source, summary, severity, event_source, component, "group", class,
            custom_details, links, images, sender_name, sender_url, priority, priority_rule, suppressed_reason, event_count, first_seen_at, last_seen_at)
          values (${alertId}, ${target.serviceId}, ${target.clientId}, ${target.teamId}, ${incidentId}::text, ${dedupKey}, 'triggered', ${ctx.source}, ${event.summary!}, ${event.severity},
            ${event.source ?? null}::text, ${event.component ?? null}::text, ${event.group ?? null}::text, ${event.class ?? null}::text,
            ${event.customDetails === undefined ? null : JSON.stringify(event.customDetails)}::jsonb, ${json(event.links)}, ${json(event.images)}, ${event.senderName ?? null}::text, ${event.senderUrl ?? null}::text,
            ${priority.priority}, ${priority.rule ? JSON.stringify(priority.rule) : null}::jsonb, ${paging.kind === "record" ? paging.reason : null}::text, 1, ${now}::timestamptz, ${now}::timestamptz)
          on conflict (service_id, dedup_key) where status <> 'resolved'
          do update set event_count = alerts.event_count + 1, last_seen_at = excluded.last_seen_at
          returning id, incident_id, event_count, status, (xmax = 0) as inserted
        ),
        i as (
          insert into incidents (id, title, status, priority, client_id, service_id, team_id, escalation_policy_id, triggered_at, deferred_until, updated_at)
          select ${incidentId}::text, ${event.summary!}, 'triggered', ${priority.priority}, ${target.clientId}, ${target.serviceId}, ${target.teamId}, ${target.escalationPolicyId}::text,
            ${now}::timestamptz, ${deferredUntil}::timestamptz, ${now}::timestamptz
          from a where a.inserted and ${pages}::boolean
          returning id
        ),
        x as (
          -- The escalation starts with the incident: its policy snapshotted, due now or at business hours.
          insert into incident_escalations (incident_id, policy, phase, next_due_at, created_at, updated_at)
          select i.id,
            (select jsonb_build_object('policyId', p.id, 'name', p.name, 'levels', p.levels, 'repeat', p.repeat, 'stopOn', p.stop_on, 'failover', p.failover)
              from escalation_policies p where p.id = ${target.escalationPolicyId}::text),
            ${deferredUntil ? "deferred" : "active"}, coalesce(${deferredUntil}::timestamptz, ${now}::timestamptz), ${now}::timestamptz, ${now}::timestamptz
          from i
        ),
        e as (
          insert into alert_events ${EVENT_COLUMNS}
          select ${target.serviceId}, a.id, ${target.keyId}::text, ${now}::timestamptz, ${ctx.source}, 'trigger', ${dedupKey}, case when a.inserted then 'created' else 'deduplicated' end, ${payload} from a
        ),
        t as (
          insert into incident_timeline ${TIMELINE_COLUMNS}
          select incident_id, at, kind, actor_type, actor_id, actor_label, message, details, internal from (
            select i.id as incident_id, ${now}::timestamptz as at, v.kind, 'integration' as actor_type, ${target.keyId}::text as actor_id, ${label}::text as actor_label, v.message, v.details, v.internal, v.ord
            from i cross join (values
              (1, 'received', ${`Received trigger from ${sourceLabel} on ${target.serviceName}`}::text, ${json(receivedDetails)}, true),
              (2, 'prioritised', ${prioritised.message}::text, ${json(prioritised.details)}, true),
              (3, ${outcomeRow.kind}::text, ${outcomeRow.message}::text, ${json(outcomeRow.details)}, false)
            ) as v(ord, kind, message, details, internal)
            union all
            ${joinedTimelineRows(sql`a`, { ...common, received: `Received trigger from ${sourceLabel}` }, sql`not j.inserted`)}
          ) x order by ord
        )
        select a.id, a.incident_id, a.inserted from a`),
    );
    const row = rows[0]!;
    if (!row.inserted) return { dedupKey, outcome: "deduplicated", alertId: String(row.id), incidentId: (row.incident_id as string | null) ?? null, paging: null, deferredUntil: null };
    if (incidentId) await escalationStarted(incidentId, target.serviceId, deferredUntil ? new Date(deferredUntil) : ctx.now);
    return { dedupKey, outcome: "created", alertId, incidentId, paging: paging.kind, deferredUntil };
  }

  // acknowledge / resolve: apply to the open alert, or accept and drop.
  const ack = event.action === "acknowledge";
  const newStatus = ack ? "acknowledged" : "resolved";
  const done = { kind: newStatus, message: `${ack ? "Acknowledged" : "Resolved"} by ${sourceLabel}` };
  const rows = rowsOf(
    await db.execute(sql`
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
