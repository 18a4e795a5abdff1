"use client";

import { useRef } from "react";
import Link from "next/link";
import { SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type PeriodChoice = "7d" | "30d" | "90d" | "custom";

export type ReportFilterValues = {
  tab: string;
  period: PeriodChoice;
  /** The period's first and last day (inclusive), YYYY-MM-DD in the viewer's zone. */
  from: string;
  to: string;
  teamId: string;
  clientId: string;
  serviceId: string;
  priority: string;
};

type Option = { id: string; name: string };
const PRIORITY_OPTIONS: Option[] = [
  { id: "high", name: "High" },
  { id: "medium", name: "Medium" },
  { id: "low", name: "Low" },
];

const labelClass = "grid min-w-0 gap-1 text-xs font-medium text-slate-600";

function OptionSelect({ label, name, value, any, options }: { label: string; name: string; value: string; any: string; options: Option[] }) {
  return (
    <label className={labelClass}>
      {label}
      <Select name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </label>
  );
}

/**
 * One filter bar for every report: a GET form, so the URL is the report and can be shared.
 * Editing a date switches the period to "Custom dates"; choosing a preset ignores the dates.
 */
export function ReportFilterBar({ values, teams, clients, services, clearHref }: { values: ReportFilterValues; teams: Option[]; clients: Option[]; services: Option[]; clearHref: string }) {
  const period = useRef<HTMLSelectElement>(null);
  const toCustom = () => {
    if (period.current) period.current.value = "custom";
  };
  const filtered = Boolean(values.teamId || values.clientId || values.serviceId || values.priority || values.period !== "30d");
  return (
    <form method="get" role="search" aria-label="Report filters" className="mb-6 rounded-xl border border-border bg-surface p-4 shadow-xs">
      <input type="hidden" name="tab" value={values.tab} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-[repeat(auto-fit,minmax(9.5rem,1fr))]">
        <label className={labelClass}>
          Period
          <Select ref={period} name="period" defaultValue={values.period}>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
            <option value="90d">Last 90 days</option>
            <option value="custom">Custom dates</option>
          </Select>
        </label>
        <label className={labelClass}>
          From
          <Input type="date" name="from" defaultValue={values.from} onChange={toCustom} />
        </label>
        <label className={labelClass}>
          To
          <Input type="date" name="to" defaultValue={values.to} onChange={toCustom} />
        </label>
        {teams.length > 0 && <OptionSelect label="Team" name="teamId" value={values.teamId} any="Every team" options={teams} />}
        {clients.length > 1 && <OptionSelect label="Client" name="clientId" value={values.clientId} any="Every client" options={clients} />}
        {services.length > 0 && <OptionSelect label="Service" name="serviceId" value={values.serviceId} any="Every service" options={services} />}
        <OptionSelect label="Priority" name="priority" value={values.priority} any="Any priority" options={PRIORITY_OPTIONS} />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        {filtered && (
          <Button asChild variant="ghost">
            <Link href={clearHref}>Reset</Link>
          </Button>
        )}
        <Button type="submit" variant="secondary">
          <SlidersHorizontal aria-hidden /> Apply filters
        </Button>
      </div>
    </form>
  );
}
