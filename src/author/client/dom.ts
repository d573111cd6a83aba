/** Child content of an element: text is always set as text, never parsed as HTML. */
export type Child = Node | string | number | undefined | null | false;

/** Creates an element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
  return element;
}

let counter = 0;
/** A unique id for labels and descriptions. */
export const uniqueId = (prefix = "f") => `${prefix}-${++counter}`;

/** Calls `job` once `ms` after the last call. */
export function debounce<A extends unknown[]>(job: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => job(...args), ms);
  };
}
