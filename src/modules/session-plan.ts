/** One row of a facilitator's session plan. */
export interface PlanRow {
  index: number;
  title: string;
  /** Minutes from the start of the session when the activity begins. */
  start: number;
  minutes: number;
  /** Minutes from the start when it ends: the running total. */
  end: number;
  grouping: string | undefined;
  materials: string[];
}

export interface SessionPlan {
  rows: PlanRow[];
  total: number;
  duration: number;
  /** Why the plan does not fill the session exactly; undefined when it does. */
  mismatch: string | undefined;
}

/** The plan is computed from the activities, so its running total cannot drift from them. */
export function computeSessionPlan(
  activities: readonly { title: string; minutes: number; grouping?: string; materials: string[] }[],
  duration: number,
): SessionPlan {
  let clock = 0;
  const rows = activities.map((a, index) => {
    const row = {
      index: index + 1,
      title: a.title,
      start: clock,
      minutes: a.minutes,
      end: clock + a.minutes,
      grouping: a.grouping,
      materials: a.materials,
    };
    clock = row.end;
    return row;
  });
  const mismatch =
    clock === duration
      ? undefined
      : `The session lasts ${duration} minutes, but its activities add up to ${clock} (${activities.map((a) => a.minutes).join(" + ") || "none"})`;
  return { rows, total: clock, duration, mismatch };
}

/** `75` → `1:15`, for start times in a printed plan. */
export function formatClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}
