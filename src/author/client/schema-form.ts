import { contrastRatio, MIN_CONTRAST_ON_WHITE } from "../../framework/layer-colours.ts";
import type { JsonSchema } from "./api.ts";
import { getAt, pathText, setAt, type Path } from "./data-path.ts";
import { h, uniqueId } from "./dom.ts";
import { idProblem } from "./id-check.ts";
import { fieldName, t } from "./messages.ts";

/** What the form needs from its view: the data, and how to report changes. */
export interface FormHost {
  data: unknown;
  locales: string[];
  reservedIds: readonly string[];
  defaultColours: readonly string[];
  /** A value was typed (no re-render: the field keeps focus). */
  edited(path: Path, value: unknown): void;
  /** Items were added, removed or moved: the form is drawn again. */
  restructured(change: () => void): void;
}

const typeOf = (schema: JsonSchema): string | undefined => {
  if (Array.isArray(schema.type)) return schema.type.find((x) => x !== "null");
  if (schema.type) return schema.type;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.some((o) => o.type === "string") ? "string" : typeOf(options[0]!);
  return undefined;
};

const isLocalized = (schema: JsonSchema) => schema.kind === "localized";

/** A value to start a new item with: empty texts in every language, defaults, first choices. */
export function emptyValue(schema: JsonSchema, locales: string[]): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (isLocalized(schema)) return Object.fromEntries(locales.map((l) => [l, ""]));
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case "object":
      return Object.fromEntries(
        (schema.required ?? [])
          .filter((key) => schema.properties?.[key])
          .map((key) => [key, emptyValue(schema.properties![key]!, locales)]),
      );
    case "array": {
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, () => emptyValue(schema.items ?? {}, locales));
    }
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    default:
      return "";
  }
}

/** The wrapper of one field: findings about `path` are shown at the end of it. */
const field = (path: Path, ...children: (Node | undefined)[]) =>
  h("div", { class: "field", "data-path": pathText(path) }, ...children);

function textInput(host: FormHost, path: Path, label: string, value: unknown, key: string) {
  const id = uniqueId();
  const text = typeof value === "string" ? value : value === undefined ? "" : String(value);
  const long = text.length > 70 || key === "summary" || key === "definition";
  const input = long
    ? h("textarea", { id, rows: "3" }, text)
    : h("input", { id, type: "text", value: text });
  if (!long) input.value = text;
  const note = h("p", { class: "live-note", id: `${id}-note` });
  const swatch =
    key === "colour" ? h("span", { class: "swatch", "aria-hidden": "true" }) : undefined;
  const check = () => {
    const v = input.value;
    let problem: string | undefined;
    if (key === "id") problem = idProblem(host.data, path, v, host.reservedIds);
    if (key === "colour" && /^#[0-9a-fA-F]{6}$/.test(v)) {
      const ratio = contrastRatio(v, "#ffffff");
      swatch!.style.backgroundColor = v;
      const shown = ratio.toFixed(1);
      problem = ratio >= MIN_CONTRAST_ON_WHITE ? undefined : t("contrastLow", { ratio: shown });
      note.textContent = problem ?? t("contrastOk", { ratio: shown });
      note.classList.toggle("problem", problem !== undefined);
      return;
    }
    note.textContent = problem ?? "";
    note.classList.toggle("problem", problem !== undefined);
    input.setAttribute("aria-invalid", problem ? "true" : "false");
  };
  input.setAttribute("aria-describedby", note.id);
  input.addEventListener("input", () => {
    const number = typeof value === "number" && /^-?\d+(\.\d+)?$/.test(input.value);
    host.edited(path, number ? Number(input.value) : input.value);
    check();
  });
  check();
  return field(path, h("label", { for: id }, label), swatch, input, note);
}

function localizedField(host: FormHost, path: Path, label: string, value: unknown) {
  const texts = (value ?? {}) as Record<string, unknown>;
  const long = Object.values(texts).some((v) => typeof v === "string" && v.length > 70);
  const cells = host.locales.map((locale) => {
    const id = uniqueId();
    const text = typeof texts[locale] === "string" ? (texts[locale] as string) : "";
    const input = long
      ? h("textarea", { id, rows: "3", lang: locale }, text)
      : h("input", { id, type: "text", lang: locale });
    if (!long) input.value = text;
    const missing = h("span", { class: "missing", id: `${id}-missing` }, t("missingTranslation"));
    const mark = () => {
      missing.hidden = input.value.trim() !== "";
    };
    input.setAttribute("aria-describedby", missing.id);
    input.addEventListener("input", () => {
      host.edited([...path, locale], input.value);
      mark();
    });
    mark();
    return field([...path, locale], h("label", { for: id }, locale), input, missing);
  });
  return h(
    "fieldset",
    { class: "localized", "data-path": pathText(path) },
    h("legend", {}, label),
    h("div", { class: "side-by-side" }, ...cells),
  );
}

function selectField(
  host: FormHost,
  path: Path,
  label: string,
  schema: JsonSchema,
  value: unknown,
) {
  const id = uniqueId();
  const select = h(
    "select",
    { id },
    ...(schema.enum ?? []).map((option) =>
      h("option", { value: String(option), selected: option === value }, String(option)),
    ),
  );
  select.addEventListener("change", () => host.edited(path, select.value));
  return field(path, h("label", { for: id }, label), select);
}

function checkboxField(host: FormHost, path: Path, label: string, value: unknown) {
  const id = uniqueId();
  const box = h("input", { id, type: "checkbox", checked: value === true });
  box.addEventListener("change", () => host.edited(path, box.checked));
  return field(path, box, h("label", { for: id }, label));
}

function button(
  label: string,
  action: string,
  run: () => void,
  extra: Record<string, string> = {},
) {
  const b = h("button", { type: "button", class: "small", "data-action": action, ...extra }, label);
  b.addEventListener("click", run);
  return b;
}

function arrayField(host: FormHost, path: Path, label: string, schema: JsonSchema, key: string) {
  const list = (getAt(host.data, path) ?? []) as unknown[];
  const itemSchema = schema.items ?? {};
  const move = (from: number, to: number) =>
    host.restructured(() => {
      const [item] = list.splice(from, 1);
      list.splice(to, 0, item);
    });
  const items = list.map((item, i) => {
    const id = (item as { id?: unknown } | undefined)?.id;
    const name = `${t("itemNumber", { name: fieldName(key), n: i + 1 })}${typeof id === "string" && id ? ` · ${id}` : ""}`;
    const tools = h(
      "div",
      { class: "item-tools" },
      button(t("moveUp"), "up", () => move(i, i - 1), { "aria-label": `${t("moveUp")}: ${name}` }),
      button(t("moveDown"), "down", () => move(i, i + 1), {
        "aria-label": `${t("moveDown")}: ${name}`,
      }),
      button(t("remove"), "remove", () => host.restructured(() => list.splice(i, 1)), {
        "aria-label": `${t("remove")}: ${name}`,
      }),
    );
    (tools.children[0] as HTMLButtonElement).disabled = i === 0;
    (tools.children[1] as HTMLButtonElement).disabled = i === list.length - 1;
    return h(
      "li",
      { class: "item" },
      h("div", { class: "item-head" }, h("span", { class: "item-name" }, name), tools),
      renderField(host, itemSchema, [...path, i], name, String(i), true),
    );
  });
  const add = button(t("addItem", { name: fieldName(key) }), "add", () =>
    host.restructured(() => {
      if (!Array.isArray(getAt(host.data, path))) setAt(host.data, path, list);
      list.push(emptyValue(itemSchema, host.locales));
    }),
  );
  return h(
    "fieldset",
    { class: "list", "data-path": pathText(path) },
    h("legend", {}, label),
    h("ol", {}, ...items),
    add,
  );
}

function objectField(
  host: FormHost,
  path: Path,
  label: string | undefined,
  schema: JsonSchema,
  inList = false,
) {
  const value = (getAt(host.data, path) ?? {}) as Record<string, unknown>;
  const children: Node[] = [];
  const properties = schema.properties ?? {};
  for (const [key, propSchema] of Object.entries(properties)) {
    const name = fieldName(key);
    const required = (schema.required ?? []).includes(key);
    if (value[key] === undefined) {
      if (!required) {
        const start = () => {
          if (key === "colour") {
            const index = typeof path.at(-1) === "number" ? (path.at(-1) as number) : 0;
            return host.defaultColours[index % host.defaultColours.length] ?? "#1d5b8f";
          }
          return emptyValue(propSchema, host.locales);
        };
        children.push(
          button(t("addItem", { name }), "add-key", () =>
            host.restructured(() => setAt(host.data, [...path, key], start())),
          ),
        );
      }
      continue;
    }
    const rendered = renderField(host, propSchema, [...path, key], name, key);
    if (!required) {
      rendered.append(
        button(
          t("remove"),
          "remove-key",
          () => host.restructured(() => setAt(host.data, [...path, key], undefined)),
          { "aria-label": `${t("remove")}: ${name}` },
        ),
      );
    }
    children.push(rendered);
  }
  // A record (level descriptors): its entries, each under its own key.
  const extra = schema.additionalProperties;
  if (!schema.properties && extra && typeof extra === "object") {
    for (const key of Object.keys(value))
      children.push(renderField(host, extra, [...path, key], key, key));
  }
  if (label === undefined)
    return h(
      "div",
      { class: inList ? "item-body" : "form-root", "data-path": pathText(path) },
      ...children,
    );
  return h(
    "fieldset",
    { class: "group", "data-path": pathText(path) },
    h("legend", {}, label),
    ...children,
  );
}

/** The form of one value, chosen by its JSON Schema. */
export function renderField(
  host: FormHost,
  schema: JsonSchema,
  path: Path,
  label: string,
  key: string,
  inList = false,
): HTMLElement {
  const value = getAt(host.data, path);
  if (isLocalized(schema)) return localizedField(host, path, label, value);
  if (schema.enum) return selectField(host, path, label, schema, value);
  const type = Array.isArray(value) ? "array" : typeOf(schema);
  if (type === "array") return arrayField(host, path, label, schema, key);
  // An item of a list is an object whose name is already in the item's heading.
  if (type === "object" || (value && typeof value === "object"))
    return objectField(host, path, inList ? undefined : label, schema, inList) as HTMLElement;
  if (type === "boolean") return checkboxField(host, path, label, value);
  return textInput(host, path, label, value, key);
}

export function renderForm(host: FormHost, schema: JsonSchema): HTMLElement {
  return objectField(host, [], undefined, schema) as HTMLElement;
}
