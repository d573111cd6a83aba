/** A step into the form's data: a key or a list index. */
export type Path = (string | number)[];

/** The validator's way of writing a path: `layers[2].competencies[1].title.zh-CN`. */
export const pathText = (path: Path): string =>
  path.reduce<string>(
    (text, step) =>
      typeof step === "number" ? `${text}[${step}]` : text ? `${text}.${step}` : step,
    "",
  );

export function getAt(data: unknown, path: Path): unknown {
  let at: unknown = data;
  for (const step of path) at = (at as Record<string | number, unknown> | undefined)?.[step];
  return at;
}

export function setAt(data: unknown, path: Path, value: unknown): void {
  const parent = getAt(data, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** The path text with its last step removed, for findings about something the form shows no field for. */
export const parentPathText = (text: string): string => text.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
