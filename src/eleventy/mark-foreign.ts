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
  // One pass: a tag is matched first and kept as it is, so a run is only ever text between tags
  // (a run cannot reach into a tag: `<` is not among the characters it spans).
  return html.replace(TAG_OR_CJK_RUN, (match) =>
    match.charCodeAt(0) === 0x3c ? match : `<span lang="${cjkLocale}">${match}</span>`,
  );
}

const TAG_OR_CJK_RUN = new RegExp(`<[^>]*>|${CJK_RUN.source}`, "g");
