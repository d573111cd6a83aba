import type { Finding } from "../errors.ts";
import type { ModuleVersion } from "./types.ts";

const STRUCTURAL = new Set(["case", "activity", "check", "keypoints", "objectives"]);

/** A translation keeps the default locale's structure: the same blocks, in order, with the same settings. */
export function compareStructure(base: ModuleVersion, other: ModuleVersion): Finding[] {
  const a = base.signature.filter((s) => STRUCTURAL.has(s.type));
  const b = other.signature.filter((s) => STRUCTURAL.has(s.type));
  const describe = (s: { type: string; detail: string } | undefined) =>
    s ? `${s.type}${s.detail ? ` (${s.detail})` : ""}` : "nothing";
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x?.type === y?.type && x?.detail === y?.detail) continue;
    return [
      {
        file: other.file,
        line: y?.line ?? 1,
        column: 1,
        dataPath: "",
        message: `The structure differs from ${base.file}: block ${i + 1} is ${describe(y)} here but ${describe(x)} there (line ${x?.line ?? "end"})`,
        hint: `Keep the same blocks in the same order in every locale (${a.length} structural blocks in ${base.file}, ${b.length} here), with the same minutes, case settings and correct answers.`,
        severity: "error",
      },
    ];
  }
  const describeMaterials = (v: ModuleVersion) =>
    v.materials.map((m) => `${m.id} ${m.quantity ?? "-"} ${m.per ?? "-"}`).join("; ");
  if (describeMaterials(base) !== describeMaterials(other))
    return [
      {
        file: other.file,
        line: other.materialsLine ?? 1,
        column: 1,
        dataPath: "materials",
        message: `The materials differ from ${base.file}: ${describeMaterials(other) || "none"} here, ${describeMaterials(base) || "none"} there (id, quantity, per)`,
        hint: "Every locale's version is the same session: list the same materials, with the same ids, quantities and `per`, in the same order; only `name` is translated.",
        severity: "error",
      },
    ];
  if (base.duration !== other.duration)
    return [
      {
        file: other.file,
        line: other.durationLine,
        column: 1,
        dataPath: "duration",
        message: `The duration is ${other.duration} minutes here but ${base.duration} in ${base.file}`,
        hint: "Every locale's version is the same session: give them the same duration.",
        severity: "error",
      },
    ];
  return [];
}
