import { lineEnding } from "./text-edits.ts";

/**
 * Format 1 engines had five built-in case platforms with their names in en and zh-CN; format 2 makes
 * case settings course data (`caseSettings:` in course.yaml, `::: case setting=<id>`). These are
 * the old engine's own labels, so a converted course shows what it showed before.
 */
const FORMAT_1_PLATFORMS: Record<string, Record<string, string>> = {
  douyin: { en: "Douyin", "zh-CN": "抖音" },
  weibo: { en: "Weibo", "zh-CN": "微博" },
  zhihu: { en: "Zhihu", "zh-CN": "知乎" },
  xiaohongshu: { en: "Xiaohongshu", "zh-CN": "小红书" },
  wechat: { en: "WeChat", "zh-CN": "微信" },
};

const CASE_PLATFORM = /^(:{3,}[ \t]*case\b[^\r\n]*?)\bplatform=("?)([a-z0-9-]+)\2/gm;

/** `::: case platform=x` → `::: case setting=x` in one module file; the ids it used. */
export function renameCasePlatforms(text: string): {
  text: string;
  ids: string[];
  changes: string[];
} {
  const ids: string[] = [];
  const changes: string[] = [];
  const out = text.replace(
    CASE_PLATFORM,
    (whole, head: string, quote: string, id: string, at: number) => {
      ids.push(id);
      changes.push(
        `line ${text.slice(0, at).split("\n").length}: case platform=${id} → setting=${id}`,
      );
      return `${head}setting=${quote}${id}${quote}`;
    },
  );
  return { text: out, ids, changes };
}

/** The `caseSettings:` block a format 1 course.yaml gets for the platforms its cases name. */
export function caseSettingsBlock(text: string, ids: string[], locales: string[]): string {
  const eol = lineEnding(text);
  const label = (id: string) =>
    `{ ${locales.map((l) => `${l}: ${JSON.stringify(FORMAT_1_PLATFORMS[id]?.[l] ?? `TODO ${id}`)}`).join(", ")} }`;
  return [
    "",
    "# The kinds of place the cases happen in; a module's case names one with `::: case setting=<id>`.",
    "# Added by `onion-course migrate` from the platforms the cases named.",
    "caseSettings:",
    ...[...new Set(ids)].flatMap((id) => [`  - id: ${id}`, `    label: ${label(id)}`]),
    "",
  ].join(eol);
}
