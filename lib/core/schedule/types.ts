import type { IsoDate, IsoWeekday } from "../time/civil-date";
import type { LocalTime } from "../time/local-time";
import type { EpochMs } from "../time/zone-offsets";

/** How long one turn of a rotation lasts, in wall-clock units of the schedule's zone. */
export interface ShiftLength {
  unit: "hours" | "days" | "weeks";
  count: number;
}

/**
 * A window in which a layer is allowed to have someone on call: on each listed weekday,
 * from `start` to `end` local time. `end` ≤ `start` crosses midnight (ends the next day);
 * `start` = `end` is a whole 24 hours; "24:00" as `end` is the next midnight.
 */
export interface RestrictionWindow {
  weekdays: readonly IsoWeekday[];
  start: LocalTime;
  end: LocalTime;
}

/**
 * One layer of a schedule: a rotation of participants. Instance k starts at the k-th handoff
 * (the first on or after `startDate`, at `handoffTime`, on `handoffWeekday` for weekly
 * rotations) and goes to participant k mod n. Handoffs are wall-clock times in the schedule's
 * zone, so a weekly shift across a DST change is 167 or 169 hours.
 */
export interface RotationLayer {
  id: string;
  participants: readonly string[];
  shift: ShiftLength;
  handoffTime: LocalTime;
  /** Weekly rotations only: the weekday of the handoff (1 = Monday). Defaults to startDate's. */
  handoffWeekday?: IsoWeekday;
  startDate: IsoDate;
  /** Where given, the layer has someone only inside these windows. */
  restrictions?: readonly RestrictionWindow[];
  /** Higher wins; defaults to the layer's index in `layers` (later layers win). */
  priority?: number;
  /** Published generator decisions: instance index → who takes it instead of the round robin. */
  assignments?: ReadonlyMap<number, string>;
  /**
   * The layer has someone only in [activeFrom, activeUntil): a rotation edited at some instant is
   * its old version until then and its new one after, so the past keeps who really held it.
   */
  activeFrom?: EpochMs;
  activeUntil?: EpochMs;
  /**
   * The zone its handoffs and restrictions are in, when not the schedule's: a version kept from
   * before the schedule's zone changed, so its past stays where it was.
   */
  timeZone?: string;
}

export type OverrideOrigin = "override" | "swap";

/**
 * `userId` holds [start, end) instead of whoever the layers (and earlier overrides) put there.
 * With `replacesUserId`, only the parts of the interval that user holds are replaced.
 * Later overrides in the list win over earlier ones.
 */
export interface ScheduleOverride {
  id: string;
  userId: string;
  start: EpochMs;
  end: EpochMs;
  replacesUserId?: string;
  origin: OverrideOrigin;
}

/** A person unavailable over [start, end) (see `localDatesInterval` for local dates). */
export interface TimeOffInterval {
  userId: string;
  start: EpochMs;
  end: EpochMs;
}

/** A period someone could not be paged, [start, end); end is Infinity while it lasts. */
export interface InactivePeriod {
  start: EpochMs;
  end: EpochMs;
}

export interface Schedule {
  timeZone: string;
  /** Lowest priority first unless layers carry explicit priorities. */
  layers: readonly RotationLayer[];
  overrides?: readonly ScheduleOverride[];
  timeOff?: readonly TimeOffInterval[];
  /**
   * When people could not be paged (disabled accounts): per person, sorted disjoint periods
   * [start, end), the last open-ended (end Infinity) while still disabled. In those periods they
   * hold nothing: their turns fall through to lower layers or are gaps and their overrides are void,
   * never a silent "on call" nobody reaches. Outside them everything is theirs as before.
   */
  inactive?: ReadonlyMap<string, readonly InactivePeriod[]>;
}

/** One turn of one rotation, unrestricted and before overrides. (layerId, index) names it. */
export interface RotationShift {
  layerId: string;
  index: number;
  userId: string;
  start: EpochMs;
  end: EpochMs;
}

export type ShiftOrigin = "rotation" | OverrideOrigin | "gap";

export type ShiftConflict = "time_off";

/** A piece of the final schedule: who holds [start, end) and why. */
export interface FinalShift {
  /** null for a gap: nobody is on call. */
  userId: string | null;
  start: EpochMs;
  end: EpochMs;
  origin: ShiftOrigin;
  /** The layer the person comes from; null for gaps, overrides and swaps. */
  layerId: string | null;
  /** Set when origin is "override" or "swap". */
  overrideId?: string;
  /** The person holds this piece while on time off (shown, not silently reassigned). */
  conflicts: ShiftConflict[];
}

/** Who holds one instant (the same fields as the FinalShift containing it, without extent). */
export type OnCall = Omit<FinalShift, "start" | "end">;
