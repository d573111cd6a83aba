import type { Page } from "playwright-core";

/**
 * Labels of the onion diagram on the current page that do not fit, as rendered by the browser: text
 * along a ring longer than its arc (the browser drops the characters past the arc's end), and lines
 * across the core that reach outside the core's circle. Also counts what it measured.
 */
export function onionLabelProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    let measured = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>("svg.onion")) {
      for (const textPath of svg.querySelectorAll<SVGTextPathElement>("textPath")) {
        const path = svg.querySelector<SVGPathElement>(textPath.getAttribute("href")!);
        const length = textPath.getComputedTextLength();
        measured++;
        if (!path || length > path.getTotalLength())
          problems.push(
            `"${textPath.textContent}" is ${Math.round(length)} long on an arc of ${Math.round(path?.getTotalLength() ?? 0)}`,
          );
      }
      const core = [...svg.querySelectorAll<SVGCircleElement>("circle")].at(-1)!;
      const [cx, cy, r] = ["cx", "cy", "r"].map((a) => Number(core.getAttribute(a)));
      for (const line of svg.querySelectorAll<SVGTSpanElement>("text > tspan")) {
        const count = line.getNumberOfChars();
        const first = line.getExtentOfChar(0);
        const last = line.getExtentOfChar(count - 1);
        measured++;
        const corners = [
          [first.x, first.y],
          [first.x, first.y + first.height],
          [last.x + last.width, last.y],
          [last.x + last.width, last.y + last.height],
        ];
        if (corners.some(([x, y]) => Math.hypot(x! - cx!, y! - cy!) > r!))
          problems.push(`"${line.textContent}" reaches outside the core`);
      }
    }
    return { measured, problems };
  });
}
