import { describe, expect, it } from "vitest";
import { layoutOnion, type ArcLabel, type StackLabel } from "../../src/onion/onion-layout.ts";
import { renderOnionSvg } from "../../src/onion/onion-svg.ts";
import type { Layer } from "../../src/framework/schema.ts";

/** Five layers as in the long-names fixture (issue 33): names too long for one line, a full core. */
const FIVE_LAYERS: Record<string, { title: string; competencies: string[] }[]> = {
  en: [
    {
      title: "Motivation and professional purpose",
      competencies: [
        "Commitment to patient safety",
        "Pride in teamwork",
        "Resilience after adverse events",
      ],
    },
    {
      title: "Professional identity and roles in the team",
      competencies: ["Role clarity", "Mutual respect across professions"],
    },
    {
      title: "Situational awareness and shared mental models",
      competencies: ["Noticing early warning signs", "Sharing the plan"],
    },
    { title: "Structured communication at handover", competencies: ["SBAR handover"] },
    {
      title: "Speaking up and escalating concerns for patient safety",
      competencies: ["Speaking up early", "Escalating concerns", "Closed-loop communication"],
    },
  ],
  fr: [
    {
      title: "Motivation et sens de l’engagement professionnel",
      competencies: [
        "Engagement pour la sécurité des patients",
        "Fierté du travail en équipe",
        "Résilience après un événement indésirable",
      ],
    },
    {
      title: "Identité professionnelle et rôles dans l’équipe",
      competencies: ["Clarté des rôles", "Respect mutuel entre professions"],
    },
    {
      title: "Conscience de la situation et modèles mentaux partagés",
      competencies: ["Repérer les signes d’alerte précoces", "Partager le plan de soins"],
    },
    {
      title: "Communication structurée lors des transmissions",
      competencies: ["Transmissions SAED"],
    },
    {
      title: "Prendre la parole et signaler une inquiétude pour la sécurité des patients",
      competencies: ["Oser prendre la parole tôt", "Faire remonter une inquiétude"],
    },
  ],
  "zh-CN": [
    {
      title: "职业动机与使命感的内在来源",
      competencies: ["对患者安全的承诺", "团队合作的自豪感", "不良事件后的心理韧性"],
    },
    { title: "团队中的职业身份与角色定位", competencies: ["角色清晰", "跨专业的相互尊重"] },
    { title: "情境意识与团队共享心智模型", competencies: ["识别早期预警信号", "分享诊疗计划"] },
    { title: "交接班时的结构化沟通", competencies: ["SBAR交接班"] },
    { title: "为患者安全勇于发声并逐级上报隐患", competencies: ["及早勇于发声", "逐级上报隐患"] },
  ],
};

/** The thickness of a label's link area, in the diagram's units: its ring band or its core slab. */
const thickness = (label: ArcLabel | StackLabel, inner: number, outer: number) =>
  "from" in label ? outer - inner : label.bottom - label.top;

describe("the onion of five layers with long names", () => {
  it.each(Object.keys(FIVE_LAYERS))(
    "%s: draws every competency, the core's too, each link at least 32 units thick (24 px on a phone)",
    (locale) => {
      const rings = FIVE_LAYERS[locale]!;
      const layout = layoutOnion(rings);
      layout.forEach((ring, i) => {
        expect(ring.competencies, `ring ${i}`).toHaveLength(rings[i]!.competencies.length);
        for (const label of [ring.title, ...ring.competencies]) {
          expect(label.fontSize).toBeGreaterThanOrEqual(9);
          expect(thickness(label, ring.inner, ring.outer)).toBeGreaterThanOrEqual(32 - 1e-9);
        }
      });
      // A long layer name goes onto two lines before anything is cut.
      const second = layout[1]!.title.lines.map((l) => l.text);
      if (locale !== "zh-CN") expect(second).toHaveLength(2);
      expect(second.join("")).not.toContain("…");
    },
  );

  it("keeps equal rings when everything fits (the default course's three layers)", () => {
    const layout = layoutOnion([
      { title: "Motivation", competencies: ["Intrinsic motivation"] },
      { title: "Personal Identity & Roles", competencies: ["Key traits", "Teamwork"] },
      { title: "Professional Competencies", competencies: ["Digital skills"] },
    ]);
    expect(layout.map((r) => Math.round(r.outer))).toEqual([67, 133, 200]);
  });

  it("names a layer cut with … in full in a <title> of its link", () => {
    const layers = FIVE_LAYERS.fr!.map(
      (ring, i) =>
        ({
          id: `layer-${i}`,
          title: { fr: ring.title },
          competencies: ring.competencies.map((c, k) => ({ id: `c-${i}-${k}`, title: { fr: c } })),
        }) as unknown as Layer,
    );
    const svg = renderOnionSvg({
      layers,
      locale: "fr",
      title: "Oignon",
      description: "",
      hrefFor: (layer, competency) => `${layer}/${competency ?? ""}`,
      idPrefix: "t",
    });
    const core = /<a href="layer-0\/" class="onion-ring">(.*?)<\/a>/.exec(svg)![1]!;
    expect(core).toContain("…");
    expect(core).toContain(`<title>${FIVE_LAYERS.fr![0]!.title}</title>`);
    // A name shown whole has no <title>: its text is its name.
    const outer = /<a href="layer-4\/" class="onion-ring">(.*?)<\/a>/.exec(svg)![1]!;
    expect(outer).not.toContain("<title>");
  });
});
