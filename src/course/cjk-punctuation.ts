import type { Finding } from "../errors.ts";
import { findingAt } from "../framework/cross-checks.ts";
import type { DataPath, YamlSource } from "../framework/yaml-source.ts";

const HAN = "\\p{Script=Han}";
/** An ASCII colon, comma or opening parenthesis between Chinese characters (spaces allowed). */
const ASCII_BETWEEN_HAN = new RegExp(`${HAN}\\s*([:,(])\\s*${HAN}`, "u");
const FULL_WIDTH: Record<string, string> = { ":": "：", ",": "，", "(": "（" };

function visitChineseTexts(
  value: unknown,
  path: DataPath,
  visit: (text: string, path: DataPath) => void,
): void {
  if (Array.isArray(value)) value.forEach((v, i) => visitChineseTexts(v, [...path, i], visit));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && /^zh\b/.test(k)) visit(v, [...path, k]);
      else visitChineseTexts(v, [...path, k], visit);
    }
}

/**
 * Warnings for Chinese text in a course data file that uses an ASCII `:` `,` or `(` between Chinese
 * characters, where Chinese typography wants the full-width form.
 */
export function findAsciiPunctuationInChinese(source: YamlSource): Finding[] {
  const out: Finding[] = [];
  visitChineseTexts(source.data, [], (text, path) => {
    const match = ASCII_BETWEEN_HAN.exec(text);
    if (!match) return;
    const mark = match[1]!;
    out.push(
      findingAt(
        source,
        path,
        `Chinese text uses the ASCII \`${mark}\` between Chinese characters: “${match[0]}”`,
        `Use the full-width \`${FULL_WIDTH[mark]}\` in Chinese text (and \`）\` to close a \`（\`).`,
        "warning",
      ),
    );
  });
  return out;
}
