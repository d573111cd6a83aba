/** Runs of Chinese, Japanese or Korean script, with their punctuation. */
const CJK_RUN =
  /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d,.:;()\u2018-\u201f-]*[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+)*/g;

const isCjkLocale = (locale: string) => /^(zh|ja|ko)\b/.test(locale);

/**
 * Marks Chinese fragments inside a page of another language (a Chinese law's title in an English
 * reference, say) with `lang`, so screen readers and fonts switch for them. Works on our own
 * generated HTML: only text between tags is touched.
 */
export function markForeignHtml(html: string, pageLocale: string, cjkLocale: string): string {
  if (isCjkLocale(pageLocale)) return html;
  // Only the runs are visited (a page of a few hundred tags has a handful of them). A run cannot
  // contain `<` or `>`, so it is inside a tag exactly when a `<` opened after the last `>` before
  // it and a `>` closes after it; such a run (an attribute's value) stays as it is.
  let out = "";
  let at = 0;
  CJK_RUN.lastIndex = 0;
  for (let run = CJK_RUN.exec(html); run; run = CJK_RUN.exec(html)) {
    const start = run.index;
    const inTag =
      html.lastIndexOf("<", start) > html.lastIndexOf(">", start) &&
      html.indexOf(">", start) !== -1;
    if (inTag) continue;
    out += `${html.slice(at, start)}<span lang="${cjkLocale}">${run[0]}</span>`;
    at = start + run[0].length;
  }
  return at === 0 ? html : out + html.slice(at);
}
