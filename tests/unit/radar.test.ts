import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { REPO_DIR } from "../helpers/paths.ts";

interface Point {
  x: number;
  y: number;
}
interface RadarApi {
  RADIUS: number;
  geometry(
    count: number,
    levels: number,
  ): {
    width: number;
    height: number;
    centre: Point;
    axes: { end: Point; label: Point & { anchor: string } }[];
    rings: number[];
  };
  pointFor(i: number, count: number, levelIndex: number, levels: number): Point;
  wrap(label: string, width: number): string[];
  svg(options: {
    title: string;
    description: string;
    labels: string[];
    levels: string[];
    series: { className: string; values: (number | null)[] }[];
  }): string;
}

function loadRadar(): RadarApi {
  const context: { RadarChart?: RadarApi; globalThis?: unknown } = {};
  context.globalThis = context;
  runInNewContext(readFileSync(join(REPO_DIR, "templates", "assets", "radar.js"), "utf8"), context);
  return context.RadarChart!;
}

const Radar = loadRadar();
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe("radar chart geometry", () => {
  it.each([3, 4, 7, 12])("places %i axes evenly, the first straight up", (count) => {
    const g = Radar.geometry(count, 4);
    expect(g.axes).toHaveLength(count);
    expect(g.axes[0]!.end).toEqual({ x: g.centre.x, y: g.centre.y - Radar.RADIUS });
    const ends = g.axes.map((a) => a.end);
    const side = distance(ends[0]!, ends[1]!);
    ends.forEach((p, i) => {
      expect(distance(p, g.centre)).toBeCloseTo(Radar.RADIUS, 0);
      expect(distance(p, ends[(i + 1) % count]!)).toBeCloseTo(side, 0);
    });
  });

  it("scales levels linearly from the centre: level 1 of 4 at a quarter, the top level at the rim", () => {
    const g = Radar.geometry(6, 4);
    expect(g.rings).toEqual([42.5, 85, 127.5, 170]);
    for (let level = 0; level < 4; level++)
      expect(distance(Radar.pointFor(2, 6, level, 4), g.centre)).toBeCloseTo(
        (Radar.RADIUS * (level + 1)) / 4,
        0,
      );
  });

  it("anchors labels away from the chart: right side starts, left side ends, top and bottom centred", () => {
    const g = Radar.geometry(4, 4);
    expect(g.axes.map((a) => a.label.anchor)).toEqual(["middle", "start", "middle", "end"]);
    g.axes.forEach((a) => expect(distance(a.label, g.centre)).toBeGreaterThan(Radar.RADIUS));
  });

  it("wraps long labels at spaces and keeps Chinese labels whole", () => {
    expect(Radar.wrap("Communication proficiency and more words", 18)).toEqual([
      "Communication",
      "proficiency and",
      "more words",
    ]);
    expect(Radar.wrap("协作与团队合作", 18)).toEqual(["协作与团队合作"]);
  });

  it("draws one labelled axis per competency and one polygon per series, escaping text", () => {
    const svg = Radar.svg({
      title: "Profile <2026>",
      description: "One assessment",
      labels: ["A & B", "C", "D"],
      levels: ["L1", "L2", "L3"],
      series: [
        { className: "radar__earlier", values: [0, null, 1] },
        { className: "radar__current", values: [2, 2, 2] },
      ],
    });
    expect(svg).toContain('<title id="radar-title">Profile &#60;2026&#62;</title>');
    expect(svg.match(/<line class="radar__axis"/g)).toHaveLength(3);
    expect(svg.match(/<polygon/g)).toHaveLength(2);
    expect(svg).toContain("A &#38; B");
    // An unassessed competency sits at the centre.
    const earlier = /class="radar__earlier" points="([^"]+)"/.exec(svg)![1]!.split(" ");
    expect(earlier[1]).toBe("320,250");
  });

  it("draws the earlier assessment where its levels are: each corner on its axis at its level", () => {
    // Four axes (up, right, down, left) around the centre (320, 250), four levels out to radius 170:
    // level 0 at 42.5, level 1 at 85, level 2 at 127.5, level 3 at the rim.
    const svg = Radar.svg({
      title: "Profile",
      description: "Two assessments",
      labels: ["A", "B", "C", "D"],
      levels: ["L1", "L2", "L3", "L4"],
      series: [
        { className: "radar__earlier", values: [0, 1, null, 3] },
        { className: "radar__current", values: [3, 2, 2, 1] },
      ],
    });
    const points = (cls: string) => new RegExp(`class="${cls}" points="([^"]+)"`).exec(svg)![1];
    expect(points("radar__earlier")).toBe("320,207.5 405,250 320,250 150,250");
    expect(points("radar__current")).toBe("320,80 447.5,250 320,377.5 235,250");
  });
});
