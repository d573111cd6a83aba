import { readdir, readFile } from "node:fs/promises";
import { parse } from "yaml";
import { UI_STRINGS_DIR } from "../paths.ts";
import { join } from "node:path";
import { RESERVED_IDS } from "../course/reserved-ids.ts";
import {
  declaredLocales,
  FindingCollector,
  loadFrameworkFiles,
  openYaml,
  COURSE_FILE,
} from "../framework/load.ts";
import { listCompetencies } from "../framework/competencies.ts";
import { CourseError, ValidationError } from "../errors.ts";
import { scaffoldModule } from "../modules/scaffold.ts";
import { DEFAULT_LAYER_COLOURS } from "../framework/layer-colours.ts";
import type { DraftCourse, Unsaved } from "./draft-course.ts";
import { openFile, saveBeside, saveFile, SaveConflict } from "./file-store.ts";
import { RefusedPath, resolveCourseFile } from "./path-guard.ts";
import { FORM_FILES, formSchemas } from "./schemas.ts";
import { readYamlData, updateYamlText } from "./yaml-edit.ts";

/** The engine's scaffold texts (what `new-module` writes) per locale, the course's own wording first. */
async function scaffoldTexts(
  courseDir: string,
  locales: string[],
): Promise<Record<string, Record<string, string>>> {
  const read = async (file: string) => {
    const data = parse(await readFile(file, "utf8").catch(() => "")) as
      { scaffold?: Record<string, string> } | undefined;
    return data?.scaffold ?? {};
  };
  const result: Record<string, Record<string, string>> = {
    en: await read(join(UI_STRINGS_DIR, "en.yaml")),
  };
  for (const locale of locales)
    result[locale] = {
      ...result.en,
      ...(await read(join(UI_STRINGS_DIR, `${locale}.yaml`))),
      ...(await read(join(courseDir, "i18n", `${locale}.yaml`))),
    };
  return result;
}

/** An answer of the API: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

const ok = (body: unknown): Answer => ({ status: 200, body });

/** What the editor sends to check, preview or save a file: its text, or its data (forms). */
interface Change {
  name: string;
  text?: string;
  data?: unknown;
  hash?: string;
  keepBoth?: boolean;
}

function asChange(body: unknown): Change {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.name !== "string") throw new RefusedPath("No file named.", 400);
  if (b.text !== undefined && typeof b.text !== "string")
    throw new RefusedPath("The text must be text.", 400);
  return {
    name: b.name,
    text: b.text,
    data: b.data,
    hash: typeof b.hash === "string" ? b.hash : undefined,
    keepBoth: b.keepBoth === true,
  };
}

/** The API of one editor session on one course folder. */
export class AuthorApi {
  constructor(
    readonly courseDir: string,
    /** Where unsaved texts are checked. */
    readonly checks: DraftCourse,
    /** Where previews are built. */
    readonly previews: DraftCourse,
  ) {}

  /** The files of the course the editor offers, its languages, and the forms' schemas. */
  async course(): Promise<Answer> {
    const source = await openYaml(this.courseDir, COURSE_FILE, new FindingCollector());
    const locales = declaredLocales(source);
    const settings = (source?.data ?? {}) as { caseSettings?: { id?: unknown }[] };
    const forms: string[] = [];
    for (const name of FORM_FILES)
      if (await resolveCourseFile(this.courseDir, name).catch(() => undefined)) forms.push(name);
    const modules: string[] = [];
    const folders = await readdir(join(this.courseDir, "modules"), { withFileTypes: true }).catch(
      () => [],
    );
    for (const folder of folders
      .filter((f) => f.isDirectory())
      .map((f) => f.name)
      .sort())
      for (const locale of locales) {
        const name = `modules/${folder}/${locale}.md`;
        if (await resolveCourseFile(this.courseDir, name).catch(() => undefined))
          modules.push(name);
      }
    // Trainable competencies with no module yet: the editor offers to create one.
    const framework = await loadFrameworkFiles(this.courseDir, new FindingCollector()).catch(
      () => undefined,
    );
    const withFolder = new Set(folders.filter((f) => f.isDirectory()).map((f) => f.name));
    const missingModules = framework
      ? listCompetencies(framework.framework)
          .filter((e) => e.competency.trainable && !withFolder.has(e.competency.id))
          .map((e) => e.competency.id)
      : [];
    return ok({
      locales,
      forms,
      modules,
      missingModules,
      schemas: formSchemas(locales),
      reservedIds: RESERVED_IDS,
      defaultColours: DEFAULT_LAYER_COLOURS,
      scaffold: await scaffoldTexts(this.courseDir, locales),
      caseSettings: (settings.caseSettings ?? [])
        .map((s) => s.id)
        .filter((id): id is string => typeof id === "string"),
    });
  }

  /**
   * Creates the module of a trainable competency from the engine's template, in every language of
   * the course, as `npm run new-module` does; it never overwrites a file.
   */
  async newModule(body: unknown): Promise<Answer> {
    const id = (body as { competency?: unknown } | undefined)?.competency;
    if (typeof id !== "string") throw new RefusedPath("Name the competency.", 400);
    try {
      return ok({ written: await scaffoldModule(this.courseDir, id) });
    } catch (error) {
      // What to fix, said in full (a ValidationError's message only counts the problems).
      if (error instanceof ValidationError)
        throw new RefusedPath(
          error.findings.map((f) => `${f.file}: ${f.message}. ${f.hint}`).join(" "),
          400,
        );
      if (error instanceof CourseError) throw new RefusedPath(error.message, 400);
      throw error;
    }
  }

  async open(name: string): Promise<Answer> {
    const file = await openFile(await resolveCourseFile(this.courseDir, name));
    const yaml = !name.endsWith(".md");
    return ok({ name, ...file, data: yaml ? readYamlData(file.text) : undefined });
  }

  /** The text a change would write: its text, or its data applied to the file's YAML. */
  private async textOf(change: Change): Promise<{ path: string; text: string }> {
    const path = await resolveCourseFile(this.courseDir, change.name);
    if (change.text !== undefined) return { path, text: change.text };
    if (change.name.endsWith(".md") || change.data === undefined)
      throw new RefusedPath("Nothing to save.", 400);
    const { text } = await openFile(path);
    return { path, text: updateYamlText(text, change.data) };
  }

  private async unsaved(change: Change): Promise<Unsaved> {
    const { text } = await this.textOf(change);
    return new Map([[change.name, text]]);
  }

  async check(body: unknown): Promise<Answer> {
    return ok(await this.checks.check(await this.unsaved(asChange(body))));
  }

  async preview(body: unknown): Promise<Answer> {
    return ok(await this.previews.build(await this.unsaved(asChange(body))));
  }

  /**
   * Saves a change if the file on disk is still the one the editor opened (409 with what is on disk
   * otherwise), or beside it when the trainer chose to keep both. Drafts with findings are saved too.
   */
  async save(body: unknown): Promise<Answer> {
    const change = asChange(body);
    const { path, text } = await this.textOf(change);
    if (change.keepBoth) {
      const beside = await saveBeside(path, text);
      return ok({ keptAs: change.name.replace(/[^/]+$/, beside.split(/[\\/]/).at(-1)!) });
    }
    if (!change.hash)
      throw new RefusedPath("The file's hash from when it was opened is missing.", 400);
    try {
      const hash = await saveFile(path, text, change.hash);
      const checked = await this.checks.check(new Map());
      return ok({ hash, text, ...checked });
    } catch (error) {
      if (error instanceof SaveConflict)
        return { status: 409, body: { conflict: true, ...error.current } };
      throw error;
    }
  }
}
