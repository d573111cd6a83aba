/**
 * Fills a message: `{name}` takes a value; `{count, plural, one {# item} other {# items}}` picks the
 * form the locale's plural rules (Intl.PluralRules) give for the number, with `=0`-style exact cases
 * first and `#` standing for the number. Text with no braces comes back as it is.
 */
export function formatMessage(
  text: string,
  locale: string,
  vars: Record<string, unknown> = {},
): string {
  if (!text.includes("{")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) break;
    const close = matchingBrace(text, open);
    if (close < 0) break;
    out += text.slice(i, open) + formatArgument(text.slice(open + 1, close), locale, vars);
    i = close + 1;
  }
  return out + text.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function formatArgument(inner: string, locale: string, vars: Record<string, unknown>): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
  if (!plural) {
    const name = inner.trim();
    return /^\w+$/.test(name) ? String(vars[name] ?? `{${name}}`) : `{${inner}}`;
  }
  const [, name, body] = plural as unknown as [string, string, string];
  const n = Number(vars[name]);
  const forms = parsePluralForms(body);
  const exact = forms.get(`=${n}`);
  let chosen = exact;
  if (chosen === undefined) {
    const category = pluralRulesFor(locale)?.select(n) ?? "other";
    chosen = forms.get(category) ?? forms.get("other") ?? "";
  }
  const number = Number.isFinite(n) ? numberFormatFor(locale).format(n) : String(vars[name] ?? "");
  return formatMessage(chosen.replace(/#/g, number), locale, vars);
}

// Intl objects take long to make and are the same for every message of a locale (a large course
// formats thousands): one of each per locale.
const pluralRules = new Map<string, Intl.PluralRules | undefined>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The locale's plural rules; none for an unknown locale code (its messages take `other`). */
function pluralRulesFor(locale: string): Intl.PluralRules | undefined {
  if (!pluralRules.has(locale)) {
    let rules: Intl.PluralRules | undefined;
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = undefined;
    }
    pluralRules.set(locale, rules);
  }
  return pluralRules.get(locale);
}

/** What `n.toLocaleString(locale)` uses, made once (an invalid locale code throws, as it does). */
function numberFormatFor(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function parsePluralForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = matchingBrace(body, open);
    if (close < 0) break;
    forms.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}
