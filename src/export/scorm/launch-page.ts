import type { ScormVersion } from "./manifest.ts";

/** Where a module's launch page sits in a package. */
export const launchPagePath = (moduleId: string) => `launch/${moduleId}.html`;

export interface LaunchPageInput {
  version: ScormVersion;
  moduleId: string;
  /** The module's title in the course's first language (frame title and page title). */
  title: string;
  defaultLocale: string;
  /** The module page in each locale, relative to the package root. */
  pages: Record<string, string>;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`,
  );
}

/**
 * The page an LMS launches for one SCO: it holds the LMS session (assets/scorm-launch.js) and shows
 * the module page in a frame, so whatever the learner does inside the module is one session. Without
 * JavaScript the frame is still there (in <noscript>), showing the module in the first language.
 */
export function renderLaunchPage(input: LaunchPageInput): string {
  const pages = Object.fromEntries(
    Object.entries(input.pages).map(([locale, path]) => [locale, `../${path}`]),
  );
  const settings = JSON.stringify({
    version: input.version,
    module: input.moduleId,
    title: input.title,
    defaultLocale: input.defaultLocale,
    pages,
  }).replace(/</g, "\\u003c");
  const first = escapeHtml(encodeURI(pages[input.defaultLocale] ?? ""));
  const title = escapeHtml(input.title);
  return `<!doctype html>
<html lang="${escapeHtml(input.defaultLocale)}" class="lms-launch">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title>${title}</title>
<link rel="stylesheet" href="../assets/lms.css">
</head>
<body>
<noscript><iframe class="lms-frame" title="${title}" src="${first}"></iframe></noscript>
<script type="application/json" id="lms-launch">${settings}</script>
<script src="../assets/scorm-launch.js"></script>
</body>
</html>
`;
}
