import { describeQuantity, gatherMaterials } from "../modules/materials.ts";
import { computeSessionPlan, formatClock } from "../modules/session-plan.ts";
import type { ModuleVersion } from "../modules/types.ts";
import type { UiText } from "../framework/ui-strings.ts";

/** The session plan: each activity's start, length and end on the clock, and the total. */
export function guidePlan(version: ModuleVersion, ui: UiText) {
  const plan = computeSessionPlan(version.activities, version.duration);
  return {
    rows: plan.rows.map((r) => ({
      start: formatClock(r.start),
      minutes: r.minutes,
      end: formatClock(r.end),
      title: r.title,
      grouping: r.grouping ? ui(`grouping.${r.grouping}`) : "",
      materials: r.materials.join(ui("punct.listSeparator")),
    })),
    total: ui("guide.planTotal", { minutes: plan.total, clock: formatClock(plan.total) }),
  };
}

/** Every material the activities use, once, with how many to bring. */
export function guideMaterials(version: ModuleVersion, ui: UiText) {
  const byId = new Map(version.materials.map((m) => [m.id, m]));
  return gatherMaterials(
    version.activities.map((a) => ({
      materials: a.materialIds.flatMap((id) => byId.get(id) ?? []),
    })),
  ).map((m) => ({ name: m.name, quantity: describeQuantity(m, ui) }));
}

/** What to do before the session: read, plan, copy handouts, gather materials, set the room. */
export function guideChecklist(
  version: ModuleVersion,
  ui: UiText,
  counts: { handouts: number; materials: number },
): string[] {
  const groupings = [
    ...new Set(version.activities.map((a) => a.grouping).filter((g): g is string => Boolean(g))),
  ];
  return [
    ui("guide.check.read"),
    ui("guide.check.plan", { minutes: version.duration }),
    ...(counts.handouts ? [ui("guide.check.handouts", { count: counts.handouts })] : []),
    ...(counts.materials ? [ui("guide.check.materials")] : []),
    ...(groupings.length
      ? [
          ui("guide.check.room", {
            groupings: groupings.map((g) => ui(`grouping.${g}`)).join(ui("punct.listSeparator")),
          }),
        ]
      : []),
    ui("guide.check.privacy"),
  ];
}
