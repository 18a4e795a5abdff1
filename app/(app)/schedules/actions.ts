"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/access/check";
import { plainAction } from "@/lib/actions/plain-action";
import { formInput, safeAction } from "@/lib/actions/safe-action";
import { requestOrigin, requireSessionCtx } from "@/lib/auth/session-viewer";
import { layerShiftByIndex } from "@/lib/core/schedule";
import { BatonError, InvalidError } from "@/lib/errors";
import { createOverride } from "@/lib/schedules/create-override";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { deleteLayer } from "@/lib/schedules/delete-layer";
import { deleteOverride } from "@/lib/schedules/delete-override";
import { deleteSchedule } from "@/lib/schedules/delete-schedule";
import { localToIso, overrideFormInput, swapRequestFormInput } from "@/lib/schedules/form-input";
import { loadEngineSchedule } from "@/lib/schedules/load-engine-schedule";
import { previewFill, type FillPreview } from "@/lib/schedules/preview-fill";
import { publishFill } from "@/lib/schedules/publish-fill";
import { listShifts } from "@/lib/schedules/read-schedules";
import { saveLayer } from "@/lib/schedules/save-layer";
import type { ShiftOutput } from "@/lib/schedules/schemas";
import { createTimeOff, deleteTimeOff } from "@/lib/schedules/time-off";
import { updateSchedule } from "@/lib/schedules/update-schedule";
import { createSwapRequest } from "@/lib/swaps/create-swap-request";

const DAY = 86_400_000;
/** The calendar asks for at most this much at once (a month view is six weeks). */
const MAX_RANGE_DAYS = 100;

const schedulePage = (id: unknown) => `/schedules/${String(id ?? "")}`;

/** Form values with empty strings removed, so optional fields stay optional. */
function withoutBlanks(input: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out = { ...input };
  for (const k of keys) if (out[k] === "" || out[k] === undefined) delete out[k];
  return out;
}

// Schedules ---------------------------------------------------------------------------------

export const createScheduleAction = safeAction(async (ctx, form) => {
  const schedule = await createSchedule({ ctx, input: withoutBlanks(formInput(form), ["teamId", "clientId"]) });
  return { redirectTo: `/schedules/${schedule.id}`, revalidate: ["/schedules"] };
});

export const updateScheduleAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  const schedule = await updateSchedule({ ctx, input: { ...input, teamId: input.teamId || null, clientId: input.clientId || null } });
  return { message: `Saved ${schedule.name}.`, revalidate: [schedulePage(schedule.id), "/schedules"] };
});

export const deleteScheduleAction = plainAction(
  (form) => schedulePage(form.get("scheduleId")),
  async (ctx, form) => {
    await deleteSchedule({ ctx, input: { scheduleId: form.get("scheduleId"), confirmName: form.get("confirmation") ?? "" } });
    return "/schedules";
  },
);

// Layers ------------------------------------------------------------------------------------

export const saveLayerAction = safeAction(async (ctx, form) => {
  const input = withoutBlanks(formInput(form, { arrays: ["participantIds"], json: ["restrictions"] }), ["layerId", "handoffWeekday", "position"]);
  if (input.shiftUnit !== "weeks") delete input.handoffWeekday;
  // "When the change takes effect": blank is now, "custom" a wall time in the schedule's zone, else an instant offered by the form.
  const { effective, effectiveAt, zone } = input;
  delete input.effective;
  delete input.effectiveAt;
  delete input.zone;
  const effectiveFrom = effective === "custom" ? localToIso(effectiveAt, String(zone ?? ""), "effectiveFrom") : effective || undefined;
  if (effective === "custom" && !effectiveFrom) throw InvalidError.field("effectiveFrom", "Enter a date and time");
  if (effectiveFrom) input.effectiveFrom = effectiveFrom;
  const schedule = await saveLayer({ ctx, input });
  return { message: input.layerId ? "Layer saved." : "Layer added.", revalidate: [schedulePage(schedule.id), "/schedules"] };
});

export const deleteLayerAction = plainAction(
  (form) => schedulePage(form.get("scheduleId")),
  async (ctx, form) => {
    await deleteLayer({ ctx, input: formInput(form) });
  },
);

// Overrides ---------------------------------------------------------------------------------

export const createOverrideAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await createOverride({ ctx, input: overrideFormInput(input) });
  return { message: "Override added.", revalidate: [schedulePage(input.scheduleId), "/schedules"] };
});

export const deleteOverrideAction = safeAction(async (ctx, form) => {
  const input = formInput(form);
  await deleteOverride({ ctx, input });
  return { message: "Override removed.", revalidate: [schedulePage(input.scheduleId), "/schedules"] };
});

// Time off ----------------------------------------------------------------------------------

/** Where a time-off form came from: a schedule page or "My shifts". */
const backTo = (form: FormData) => {
  const back = String(form.get("back") ?? "");
  return /^\/schedules(\/[\w-]+)?$/.test(back) ? back : "/schedules/mine";
};

export const createTimeOffAction = safeAction(async (ctx, form) => {
  const input = withoutBlanks(formInput(form), ["userId"]);
  delete input.back;
  await createTimeOff({ ctx, input });
  return { message: "Time off added.", revalidate: [backTo(form), "/schedules/mine"] };
});

export const deleteTimeOffAction = plainAction(backTo, async (ctx, form) => {
  await deleteTimeOff({ ctx, input: { timeOffId: form.get("timeOffId") } });
});

// Swap and cover requests -------------------------------------------------------------------

export const createSwapRequestAction = safeAction(async (ctx, form) => {
  const request = await createSwapRequest({ ctx, input: swapRequestFormInput(formInput(form)), origin: await requestOrigin() });
  const to = request.counterpartName ?? "the team";
  return { message: `Request sent to ${to}.`, revalidate: [schedulePage(request.scheduleId), "/schedules/requests", "/schedules"] };
});

// Reads for the calendar ----------------------------------------------------------------------

export type LoadResult<T> = { ok: true; data: T } | { ok: false; message: string };

const rangeInput = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((r) => new Date(r.to) > new Date(r.from), { message: "The range must end after it starts" })
  .refine((r) => new Date(r.to).getTime() - new Date(r.from).getTime() <= MAX_RANGE_DAYS * DAY, { message: `At most ${MAX_RANGE_DAYS} days at once` });

async function read<T>(run: () => Promise<T>): Promise<LoadResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (e instanceof BatonError) return { ok: false, message: e.message };
    throw e;
  }
}

/** The final shifts of a schedule in the calendar's visible range. */
export async function loadShiftsAction(scheduleId: string, range: { from: string; to: string }): Promise<LoadResult<ShiftOutput[]>> {
  const ctx = await requireSessionCtx();
  return read(async () => {
    const parsed = rangeInput.safeParse(range);
    if (!parsed.success) throw InvalidError.fromZod(parsed.error);
    return listShifts(ctx, scheduleId, new Date(parsed.data.from), new Date(parsed.data.to));
  });
}

/** One rotation instance as its holder holds it, whole (the calendar may show a piece of it; an edit may split it). */
export async function shiftInstanceAction(scheduleId: string, layerId: string, index: number, holderId: string | null): Promise<LoadResult<{ start: string; end: string; userId: string } | null>> {
  const ctx = await requireSessionCtx();
  return read(async () => {
    await requirePermission(ctx, "schedules:read", { type: "schedule", id: scheduleId });
    if (!Number.isInteger(index) || index < 0) return null;
    const loaded = await loadEngineSchedule(ctx.db, scheduleId, ctx.now, ctx.now);
    let shift: ReturnType<typeof layerShiftByIndex>;
    try {
      shift = layerShiftByIndex(loaded.engine, layerId, index, typeof holderId === "string" ? holderId : null);
    } catch (e) {
      if (e instanceof RangeError) return null; // an index beyond any date the calendar can show
      throw e;
    }
    return shift ? { start: new Date(shift.start).toISOString(), end: new Date(shift.end).toISOString(), userId: shift.userId } : null;
  });
}

/** A colleague's upcoming shift instances in one layer (what a swap can offer in exchange), next 12 weeks. */
export async function upcomingShiftsAction(scheduleId: string, layerId: string, userId: string): Promise<LoadResult<{ index: number; start: string; end: string }[]>> {
  const ctx = await requireSessionCtx();
  return read(async () => {
    // Read past the 12 weeks so the last instance listed keeps its real end, not the window's.
    const until = ctx.now.getTime() + 84 * DAY;
    const shifts = await listShifts(ctx, scheduleId, ctx.now, new Date(until + 35 * DAY));
    const byIndex = new Map<number, { index: number; start: string; end: string }>();
    for (const s of shifts) {
      if (s.layerId !== layerId || s.userId !== userId || s.origin !== "rotation" || s.shiftIndex === null) continue;
      const seen = byIndex.get(s.shiftIndex);
      if (!seen) byIndex.set(s.shiftIndex, { index: s.shiftIndex, start: s.start, end: s.end });
      else {
        if (s.start < seen.start) seen.start = s.start;
        if (s.end > seen.end) seen.end = s.end;
      }
    }
    return [...byIndex.values()].filter((x) => Date.parse(x.start) < until).sort((a, b) => a.index - b.index);
  });
}

// Fair fill ---------------------------------------------------------------------------------

export type FillResult<T> = { ok: true; data: T } | { ok: false; message: string; code?: string };

async function fillCall<T>(run: () => Promise<T>): Promise<FillResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (e instanceof BatonError) {
      const detail = e.issues?.[0]?.message;
      return { ok: false, code: e.code, message: e.code === "invalid" && detail ? detail : e.message };
    }
    throw e;
  }
}

/** The fair generator's proposal for the next `weeks` weeks of a layer (managers only). */
export async function previewFillAction(scheduleId: string, layerId: string, weeks: number): Promise<FillResult<FillPreview>> {
  const ctx = await requireSessionCtx();
  return fillCall(() => previewFill({ ctx, input: { scheduleId, layerId, weeks } }));
}

/** Publishes a previewed plan; refused (conflict) if the layer changed since the preview. */
export async function publishFillAction(input: {
  scheduleId: string;
  layerId: string;
  weeks: number;
  layerVersion: number;
  assignments: { index: number; userId: string }[];
}): Promise<FillResult<{ published: number; changedPeople: number }>> {
  const ctx = await requireSessionCtx();
  const origin = await requestOrigin();
  const result = await fillCall(() => publishFill({ ctx, input, origin }));
  if (result.ok) {
    revalidatePath(schedulePage(input.scheduleId));
    revalidatePath("/schedules");
  }
  return result;
}
