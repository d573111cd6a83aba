import { z } from "zod";

/** The only URL schemes a course may link to; everything else (javascript:, data:, file:…) is refused. */
export const ALLOWED_SCHEMES = ["http", "https", "mailto", "tel"] as const;

export const URL_HINT =
  "Use an address starting with https://, http://, mailto: or tel:, or a relative link such as ../about/. Other kinds (javascript:, data:, file:) are not allowed.";

/**
 * Why a URL breaks the policy, or undefined when it is allowed. Browsers ignore tabs, line breaks
 * and control characters inside a scheme (`java\tscript:`), so those are removed before looking.
 */
export function explainUrlProblem(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (squeezed.startsWith("//") || squeezed.startsWith("\\\\") || squeezed.startsWith("/\\"))
    return `\`${url}\` leaves out the scheme (//…); write the full address with https://`;
  const scheme = /^([^/?#]*?):/.exec(squeezed)?.[1];
  if (scheme === undefined) return undefined;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme))
    return `\`${url}\` is not a link this course can use`;
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme.toLowerCase()))
    return `\`${url}\` uses \`${scheme}:\`, which is not allowed in links`;
  return undefined;
}

export function isAllowedUrl(url: string): boolean {
  return explainUrlProblem(url) === undefined;
}

/** A URL in course data (references, licence, reflection…): one of the allowed schemes or relative. */
export const safeUrl = () =>
  z
    .string({ error: "must be a web address (text)" })
    .trim()
    .min(1, { error: "must not be empty" })
    .refine(isAllowedUrl, {
      error: "is not an allowed address: only http, https, mailto, tel or a relative link",
      params: { hint: URL_HINT },
    });
