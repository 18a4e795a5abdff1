"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import FullCalendar, { type CalendarRef, type EventInput, type EventSourceFuncInfo } from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import classicTheme from "@fullcalendar/react/themes/classic";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import "./shift-calendar.css";
import { ArrowLeftRight, ChevronLeft, ChevronRight, LoaderCircle, Palmtree, Replace, TriangleAlert } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Holiday } from "@/lib/http/common-schemas";
import { addDaysToIsoDate } from "@/lib/core/time";
import type { ShiftOutput } from "@/lib/schedules/schemas";
import { dayPieceTime, todayIn } from "./format";
import { shiftColour, shiftTitle, type LegendLayer } from "./shift-style";

export type CalendarShift = ShiftOutput & { scheduleId?: string; scheduleName?: string };

type ViewKey = "month" | "week" | "list";

const PHONE_QUERY = "(max-width: 639px)";
const LOAD_MARGIN_MS = 14 * 86_400_000;
const VIEW_TYPES: Record<"desktop" | "phone", Record<ViewKey, string>> = {
  desktop: { month: "dayGridMonth", week: "timeGridWeek", list: "listWeek" },
  phone: { month: "dayGridMonth", week: "timeGridThreeDay", list: "listWeek" },
};
const VIEW_LABELS: Record<"desktop" | "phone", Record<ViewKey, string>> = {
  desktop: { month: "Month", week: "Week", list: "List" },
  phone: { month: "Month", week: "3 days", list: "List" },
};

function subscribePhone(onChange: () => void) {
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
/** null while rendering on the server: the calendar mounts in the browser only, at the right size. */
function usePhone(): boolean | null {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => null,
  );
}

type Look = { layers: readonly LegendLayer[]; viewerId?: string; titleFor?: (s: CalendarShift) => string; colourFor?: (s: CalendarShift) => string };

function toEvent(shift: CalendarShift, { layers, viewerId, titleFor, colourFor }: Look): EventInput {
  const classes = ["baton-shift", `baton-shift--${shift.origin}`];
  if (shift.conflicts.includes("time_off")) classes.push("baton-shift--time-off");
  if (viewerId && shift.userId === viewerId) classes.push("baton-shift--mine");
  return {
    id: `${shift.scheduleId ?? ""}|${shift.start}|${shift.origin}|${shift.userId ?? "gap"}|${shift.layerId ?? shift.overrideId ?? ""}`,
    title: titleFor ? titleFor(shift) : shiftTitle(shift),
    start: shift.start,
    end: shift.end,
    color: colourFor && shift.origin !== "gap" ? colourFor(shift) : shiftColour(shift, layers),
    className: classes.join(" "),
    extendedProps: { shift },
  };
}

/**
 * Holidays as whole local days behind the shifts (in the calendar's zone): an all-day event for
 * the month grid, which draws it with its name, and a timed one for the time grids (which have
 * no all-day row) to wash the day.
 */
function holidayEvents(holidays: readonly Holiday[]): EventInput[] {
  return holidays.flatMap((h) => {
    const common = { title: h.name || "Holiday", display: "background", className: "baton-holiday", extendedProps: { holiday: h } };
    const next = addDaysToIsoDate(h.date, 1);
    return [
      { ...common, id: `holiday|${h.date}|day`, start: h.date, end: next, allDay: true },
      { ...common, id: `holiday|${h.date}|hours`, start: `${h.date}T00:00:00`, end: `${next}T00:00:00`, allDay: false },
    ];
  });
}

function ShiftEventContent({ shift, title, time, list }: { shift: CalendarShift; title: string; time: string; list: boolean }) {
  const timeOff = shift.conflicts.includes("time_off");
  return (
    <span className="baton-shift__content">
      {time ? <span className={list ? "baton-shift__time baton-shift__time--list" : "baton-shift__time"}>{time}</span> : null}
      <span className="baton-shift__title">{title}</span>
      {shift.origin === "override" ? (
        <span className="baton-shift__tag" title="Override">
          <Replace aria-hidden className="size-3" />
          <span className="baton-shift__tag-text">Override</span>
        </span>
      ) : null}
      {shift.origin === "swap" ? (
        <span className="baton-shift__tag" title="From an approved swap or cover">
          <ArrowLeftRight aria-hidden className="size-3" />
          <span className="baton-shift__tag-text">Swap/cover</span>
        </span>
      ) : null}
      {shift.origin === "gap" ? <TriangleAlert aria-hidden className="size-3 shrink-0" /> : null}
      {timeOff ? (
        <span className="baton-shift__tag baton-shift__tag--warn" title="On time off during this shift">
          <Palmtree aria-hidden className="size-3" />
          <span className="baton-shift__tag-text">Time off</span>
        </span>
      ) : null}
    </span>
  );
}

export type ShiftCalendarProps = {
  /** The zone the calendar shows times in. */
  timeZone: string;
  layers: readonly LegendLayer[];
  /** Loads the final shifts of the visible range; throws an Error with a message to show. */
  load?: (range: { from: string; to: string }) => Promise<CalendarShift[]>;
  /** Or a fixed list of shifts. */
  shifts?: readonly CalendarShift[];
  /** Days drawn as holidays behind the shifts. */
  holidays?: readonly Holiday[];
  /** The viewer's shifts are drawn with a ring. */
  viewerId?: string;
  titleFor?: (shift: CalendarShift) => string;
  /** Instead of the layer colours (e.g. one colour per schedule). */
  colourFor?: (shift: CalendarShift) => string;
  onShiftClick?: (shift: CalendarShift) => void;
  /** Drag (long-press on touch) across days or hours to pick a range. */
  onSelectRange?: (range: { start: Date; end: Date; allDay: boolean }) => void;
  /** Change it to load the visible range again. */
  refreshKey?: string | number;
  /** Extra controls on the toolbar (e.g. a zone switch). */
  toolbarExtra?: ReactNode;
  label: string;
  initialView?: ViewKey;
};

export function ShiftCalendar({ timeZone, layers, load, shifts, holidays, viewerId, titleFor, colourFor, onShiftClick, onSelectRange, refreshKey, toolbarExtra, label, initialView }: ShiftCalendarProps) {
  const phone = usePhone();
  const ref = useRef<CalendarRef>(null);
  const [title, setTitle] = useState("");
  const [view, setView] = useState<ViewKey>(initialView ?? "month");
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const size = phone ? "phone" : "desktop";

  // Latest props for the event source, which FullCalendar keeps across renders.
  const latest = useRef({ load, look: { layers, viewerId, titleFor, colourFor } as Look });
  useEffect(() => {
    latest.current = { load, look: { layers, viewerId, titleFor, colourFor } };
  });

  const source = useCallback(async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
    const { load: loadNow, look } = latest.current;
    if (!loadNow) return [];
    try {
      // A margin either side, so shifts crossing the edges arrive whole rather than clipped.
      const loaded = await loadNow({ from: new Date(info.start.getTime() - LOAD_MARGIN_MS).toISOString(), to: new Date(info.end.getTime() + LOAD_MARGIN_MS).toISOString() });
      setError(null);
      return loaded.map((s) => toEvent(s, look));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The shifts could not be loaded.");
      return [];
    }
  }, []);
  const holidaySource = useMemo(() => holidayEvents(holidays ?? []), [holidays]);
  const holidayNames = useMemo(() => new Map((holidays ?? []).map((h) => [h.date, h.name || "Holiday"])), [holidays]);
  const fixedEvents = useMemo(() => (shifts ? shifts.map((s) => toEvent(s, { layers, viewerId, titleFor, colourFor })) : null), [shifts, layers, viewerId, titleFor, colourFor]);

  const firstRefresh = useRef(true);
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    ref.current?.getApi().refetchEvents();
  }, [refreshKey]);

  // On a phone the calendar opens as a list; changing size keeps the chosen kind of view.
  const phoneSeen = useRef<boolean | null>(null);
  useEffect(() => {
    if (phone === null) return;
    const api = ref.current?.getApi();
    if (phoneSeen.current !== null && phoneSeen.current !== phone && api) api.changeView(VIEW_TYPES[phone ? "phone" : "desktop"][view]);
    phoneSeen.current = phone;
  }, [phone, view]);

  const go = (action: "prev" | "next" | "today") => ref.current?.getApi()[action]();
  const changeView = (key: ViewKey) => {
    setView(key);
    ref.current?.getApi().changeView(VIEW_TYPES[size][key]);
  };

  const startView = phone ? (initialView ?? "list") : (initialView ?? "month");

  return (
    <div className="baton-calendar" data-view={view}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <div className="flex items-center">
            <Button type="button" variant="outline" size="icon" className="rounded-r-none" aria-label="Previous" onClick={() => go("prev")}>
              <ChevronLeft aria-hidden />
            </Button>
            <Button type="button" variant="outline" size="icon" className="-ml-px rounded-l-none" aria-label="Next" onClick={() => go("next")}>
              <ChevronRight aria-hidden />
            </Button>
          </div>
          <Button type="button" variant="outline" onClick={() => go("today")}>
            Today
          </Button>
          <h2 className="ml-1 text-base font-semibold tracking-tight text-slate-900 sm:text-lg" aria-live="polite">
            {title}
          </h2>
          {loading ? <LoaderCircle aria-label="Loading shifts" className="size-4 animate-spin text-slate-400" /> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {toolbarExtra}
          <div role="group" aria-label="Calendar view" className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-xs">
            {(["month", "week", "list"] as const).map((key) => (
              <button
                key={key}
                type="button"
                aria-pressed={view === key}
                onClick={() => changeView(key)}
                className={cn(
                  "h-8 rounded-[0.3rem] px-3 text-[0.8125rem] font-medium transition-colors",
                  view === key ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {VIEW_LABELS[size][key]}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error ? (
        <Alert variant="danger" className="mb-3">
          {error}
        </Alert>
      ) : null}
      <section aria-label={label} className="overflow-hidden rounded-xl border border-border bg-surface shadow-xs">
        {phone === null ? (
          <div className="h-[32rem] animate-pulse bg-slate-50" aria-hidden />
        ) : (
          <FullCalendar
            ref={ref}
            plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme]}
            initialView={VIEW_TYPES[size][startView]}
            views={{
              timeGridThreeDay: { type: "timeGrid", duration: { days: 3 } },
              // Week and list titles name the days shown ("Nov 23 – 29, 2026"), not just the month.
              timeGrid: { titleFormat: { year: "numeric", month: "short", day: "numeric" } },
              list: { titleFormat: { year: "numeric", month: "short", day: "numeric" } },
            }}
            headerToolbar={false}
            timeZone={timeZone}
            firstDay={1}
            height="auto"
            borderless
            allDaySlot={false}
            nowIndicator
            scrollTime="08:00:00"
            slotDuration="01:00:00"
            eventInteractive
            dayMaxEventRows={phone ? 3 : 4}
            displayEventEnd
            eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
            slotHeaderFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
            noEventsText="No shifts in this range"
            eventSources={[fixedEvents ?? source, holidaySource]}
            loading={setLoading}
            datesSet={(info) => {
              setTitle(info.view.title);
              const key = (Object.entries(VIEW_TYPES[size]).find(([, type]) => type === info.view.type)?.[0] ?? "month") as ViewKey;
              if (key !== view) setView(key);
            }}
            dayHeaderContent={(arg) => {
              // Time grids name a holiday under its day (the shifts cover the day's own background).
              const name = arg.view.type.startsWith("timeGrid") ? holidayNames.get(todayIn(timeZone, arg.date)) : undefined;
              if (!name) return arg.text;
              return (
                <span className="flex flex-col items-center">
                  <span>{arg.text}</span>
                  <span className="baton-holiday__chip" title={name}>
                    {name}
                  </span>
                </span>
              );
            }}
            // The month grid names a holiday in its day; time grids name it under the day (above).
            backgroundEventContent={(arg) => (arg.view.type.startsWith("dayGrid") && arg.event.extendedProps.holiday ? <span className="baton-holiday__label">{arg.event.title}</span> : null)}
            eventContent={(arg) => {
              const shift = arg.event.extendedProps.shift as CalendarShift | undefined;
              if (!shift) return true;
              const list = arg.view.type.startsWith("list");
              // Time grids cut a long shift per day: say where it starts and ends, not the day's edges.
              const columns = arg.view.type.startsWith("timeGrid");
              // In the month grid a shift's later rows carry only the name: a one-day tail has no room for more.
              // The month's first row of a shift says when it starts (and ends, within the row), never "– 00:00".
              const time = list || (columns && (arg.isStart || arg.isEnd)) ? dayPieceTime(shift, timeZone, arg.isStart, arg.isEnd) : columns || !arg.isStart ? "" : dayPieceTime(shift, timeZone, true, arg.isEnd).replace("all day", "");
              return <ShiftEventContent shift={shift} title={arg.event.title} time={time} list={list} />;
            }}
            eventClick={(arg) => {
              arg.jsEvent.preventDefault();
              const shift = arg.event.extendedProps.shift as CalendarShift | undefined;
              if (shift && onShiftClick) onShiftClick(shift);
            }}
            selectable={Boolean(onSelectRange)}
            // Someone is on call at every hour of a 24/7 schedule: a strip at each day's end stays free to drag in.
            dayLaneInnerClass={onSelectRange ? "baton-lane--selectable" : undefined}
            selectMirror
            selectLongPressDelay={400}
            select={(info) => {
              onSelectRange?.({ start: info.start, end: info.end, allDay: info.allDay });
              info.view.calendar.unselect();
            }}
          />
        )}
      </section>
    </div>
  );
}
