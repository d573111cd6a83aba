import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  DEFAULT_LAYER_COLOURS,
  layerColours,
  MIN_CONTRAST_ON_WHITE,
} from "../../src/framework/layer-colours.ts";
import { CENTRE, layoutOnion, type RingLayout } from "../../src/onion/onion-layout.ts";
import { textWidth } from "../../src/text/text-width.ts";

const INK = "#1b1f24";

/** Every way a label can fail to fit its place, by the layout's own measure of text. */
function misfits(rings: RingLayout[]): string[] {
  const out: string[] = [];
  for (const ring of rings) {
    const labels = [ring.title, ...ring.competencies];
    let previousEnd: number | undefined;
    for (const label of labels) {
      if ("from" in label) {
        if (previousEnd !== undefined && Math.abs(label.from - previousEnd) > 1e-6)
          out.push(`ring ${ring.index}: a gap or overlap before "${label.lines[0]!.text}"`);
        previousEnd = label.to;
        for (const line of label.lines) {
          const arc = ((label.to - label.from) * Math.PI * line.radius) / 180;
          if (textWidth(line.text, label.fontSize) > arc)
            out.push(`ring ${ring.index}: "${line.text}" is longer than its arc`);
          if (line.radius < ring.inner || line.radius > ring.outer)
            out.push(`ring ${ring.index}: "${line.text}" is outside its band`);
        }
      } else
        for (const line of label.lines) {
          const half = textWidth(line.text, label.fontSize) / 2;
          const edge = Math.abs(line.y - CENTRE) + label.fontSize / 2;
          if (Math.hypot(half, edge) > ring.outer)
            out.push(`core: "${line.text}" reaches outside the core`);
        }
    }
    const first = labels[0]!;
    if ("from" in first && previousEnd !== undefined && previousEnd - first.from > 360 + 1e-6)
      out.push(`ring ${ring.index}: labels go more than once round the ring`);
  }
  return out;
}

describe("onion layout", () => {
  it("fits long English, Chinese and French labels in one to seven rings", () => {
    const titles = [
      "Professional Competencies",
      "个人身份与角色层",
      "Préparer et ouvrir l'entretien",
      "Communication proficiency with patients and their families",
    ];
    for (let count = 1; count <= 7; count++) {
      const rings = Array.from({ length: count }, (_, i) => ({
        title: titles[i % titles.length]!,
        competencies: titles.slice(0, 1 + (i % 4)),
      }));
      expect(misfits(layoutOnion(rings))).toEqual([]);
    }
  });

  it("keeps short labels whole and breaks a long one at a space, not inside a word", () => {
    const [core, ring] = layoutOnion([
      { title: "Motivation", competencies: ["Intrinsic motivation"] },
      { title: "Identity", competencies: ["Key traits", "Evolving role identities", "Teamwork"] },
    ]);
    expect(core!.title.lines.map((l) => l.text)).toEqual(["Motivation"]);
    const shown = ring!.competencies.flatMap((c) => c.lines.map((l) => l.text));
    expect(shown.join(" ")).toBe("Key traits Evolving role identities Teamwork");
  });

  it("leaves the competencies out of a ring too crowded to read", () => {
    const many = Array.from({ length: 170 }, (_, i) => `Information literacy ${i + 1}`);
    const [core, outer] = layoutOnion([
      { title: "Core", competencies: ["One"] },
      { title: "Crowded", competencies: many },
    ]);
    expect(core!.competencies).toHaveLength(1);
    expect(outer!.competencies).toEqual([]);
    expect(outer!.title.lines.map((l) => l.text)).toEqual(["Crowded"]);
    // Its name still has an arc to run along: not a full circle, which would draw nothing.
    const title = outer!.title as { from: number; to: number };
    expect(title.to - title.from).toBeGreaterThan(0);
    expect(title.to - title.from).toBeLessThan(360);
    expect((title.from + title.to) / 2).toBeCloseTo(0);
  });

  it("fits any labels, shortening with … only what cannot fit at the smallest size", () => {
    // As the schema lets them through: trimmed, not empty.
    const label = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: label,
            competencies: fc.array(label, { minLength: 1, maxLength: 6 }),
          }),
          {
            minLength: 1,
            maxLength: 7,
          },
        ),
        (rings) => {
          const layout = layoutOnion(rings);
          expect(misfits(layout)).toEqual([]);
          layout.forEach((ring, i) =>
            ring.competencies.forEach((c, k) => {
              const text = c.lines.map((l) => l.text).join("");
              const original = rings[i]!.competencies[k]!.replace(/ /g, "");
              if (!c.lines.some((l) => l.text.endsWith("…")))
                expect(text.replace(/ /g, "")).toBe(original);
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("layer colours", () => {
  it("defaults are distinct, readable on white, and their ring tints keep dark text readable", () => {
    expect(new Set(DEFAULT_LAYER_COLOURS).size).toBe(DEFAULT_LAYER_COLOURS.length);
    for (const { colour, tint } of layerColours(DEFAULT_LAYER_COLOURS.map(() => ({})))) {
      expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_ON_WHITE);
      expect(contrastRatio(tint, INK)).toBeGreaterThanOrEqual(MIN_CONTRAST_ON_WHITE);
    }
  });

  it("takes a course's own colour for a layer, the default for the others", () => {
    const [own, other] = layerColours([{ colour: "#8A4A00" }, {}]);
    expect(own!.colour).toBe("#8a4a00");
    expect(other!.colour).toBe(DEFAULT_LAYER_COLOURS[1]);
    expect(contrastRatio(own!.tint, INK)).toBeGreaterThanOrEqual(MIN_CONTRAST_ON_WHITE);
  });
});
