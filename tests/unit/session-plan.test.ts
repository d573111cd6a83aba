import { describe, expect, it } from "vitest";
import { computeSessionPlan, formatClock } from "../../src/modules/session-plan.ts";

const activity = (minutes: number, title = `A${minutes}`) => ({ title, minutes, materials: [] });

/** A small deterministic generator, so the property test is repeatable. */
function* randomPlans(count: number): Generator<number[]> {
  let seed = 20251126;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++)
    yield Array.from({ length: 1 + Math.floor(next() * 9) }, () => 1 + Math.floor(next() * 45));
}

describe("session plan", () => {
  it.each([
    { minutes: [10, 20, 30], duration: 60, starts: [0, 10, 30], ends: [10, 30, 60] },
    { minutes: [5], duration: 5, starts: [0], ends: [5] },
    {
      minutes: [8, 15, 20, 15, 10, 7],
      duration: 75,
      starts: [0, 8, 23, 43, 58, 68],
      ends: [8, 23, 43, 58, 68, 75],
    },
  ])("runs $minutes to $duration minutes", ({ minutes, duration, starts, ends }) => {
    const plan = computeSessionPlan(
      minutes.map((m) => activity(m)),
      duration,
    );
    expect(plan.rows.map((r) => r.start)).toEqual(starts);
    expect(plan.rows.map((r) => r.end)).toEqual(ends);
    expect(plan.total).toBe(duration);
    expect(plan.mismatch).toBeUndefined();
  });

  it("adds up for any list of activities: each starts where the last ended, the last ends at the total", () => {
    for (const minutes of randomPlans(500)) {
      const sum = minutes.reduce((a, b) => a + b, 0);
      const plan = computeSessionPlan(
        minutes.map((m) => activity(m)),
        sum,
      );
      expect(plan.rows[0]!.start).toBe(0);
      plan.rows.forEach((row, i) => {
        expect(row.end - row.start).toBe(minutes[i]);
        if (i > 0) expect(row.start).toBe(plan.rows[i - 1]!.end);
      });
      expect(plan.rows.at(-1)!.end).toBe(sum);
      expect(plan.mismatch).toBeUndefined();
      expect(
        computeSessionPlan(
          minutes.map((m) => activity(m)),
          sum + 1,
        ).mismatch,
      ).toBeDefined();
    }
  });

  it("says why when the activities do not fill the session", () => {
    expect(computeSessionPlan([activity(30), activity(40)], 60).mismatch).toBe(
      "The session lasts 60 minutes, but its activities add up to 70 (30 + 40)",
    );
    expect(computeSessionPlan([], 60).mismatch).toBe(
      "The session lasts 60 minutes, but its activities add up to 0 (none)",
    );
  });

  it.each([
    [0, "0:00"],
    [7, "0:07"],
    [75, "1:15"],
    [600, "10:00"],
  ])("formats %i minutes as %s", (minutes, clock) => {
    expect(formatClock(minutes)).toBe(clock);
  });
});
