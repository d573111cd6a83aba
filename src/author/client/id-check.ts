import { t } from "./messages.ts";
import { getAt, type Path } from "./data-path.ts";

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Layer and competency ids name pages: `layers[i].id` and `layers[i].competencies[j].id`. */
const namesPage = (path: Path) =>
  path[0] === "layers" && (path.length === 3 || (path.length === 5 && path[2] === "competencies"));

/** The ids in the data that must differ from the one at `path`. */
function otherIds(data: unknown, path: Path): string[] {
  if (namesPage(path)) {
    const layers = (getAt(data, ["layers"]) ?? []) as {
      id?: string;
      competencies?: { id?: string }[];
    }[];
    const all: [Path, string | undefined][] = layers.flatMap((layer, i) => [
      [["layers", i, "id"], layer.id] as [Path, string | undefined],
      ...(layer.competencies ?? []).map(
        (c, j) => [["layers", i, "competencies", j, "id"], c.id] as [Path, string | undefined],
      ),
    ]);
    return all
      .filter(([p]) => p.join("/") !== path.join("/"))
      .map(([, id]) => id)
      .filter((id): id is string => typeof id === "string");
  }
  const list = getAt(data, path.slice(0, -2));
  if (!Array.isArray(list)) return [];
  return list
    .filter((_, i) => i !== path.at(-2))
    .map((item) => (item as { id?: unknown }).id)
    .filter((id): id is string => typeof id === "string");
}

/** What is wrong with the id at `path` as typed, or undefined: its form, reserved words, clashes. */
export function idProblem(
  data: unknown,
  path: Path,
  value: string,
  reserved: readonly string[],
): string | undefined {
  if (!ID_PATTERN.test(value)) return t("idPattern");
  if (namesPage(path) && reserved.includes(value)) return t("idReserved", { id: value });
  if (otherIds(data, path).includes(value)) return t("idClash", { id: value });
  return undefined;
}
