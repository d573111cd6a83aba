import { cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValidationError, type Finding } from "../errors.ts";
import { loadCourse } from "../course/load-course.ts";

/** What a course folder is made of: the draft copies these, and nothing else of the folder. */
const COURSE_ENTRIES = ["framework", "modules", "pages", "i18n", "package.json"];

/** Unsaved texts of course files, by their course-relative name. */
export type Unsaved = ReadonlyMap<string, string>;

/** The findings of the course as `npm run validate` reports them, with an unsaved text in place. */
export interface CheckResult {
  findings: Finding[];
  valid: boolean;
}

/**
 * A scratch copy of the course in a temporary folder, where the editor's unsaved texts are checked
 * by the loader and built by the engine, so the course folder itself is written only on Save.
 * Operations run one at a time.
 */
export class DraftCourse {
  private queue: Promise<unknown> = Promise.resolve();
  private builds = 0;
  private disposed = false;

  private constructor(
    readonly courseDir: string,
    private readonly root: string,
  ) {}

  static async create(courseDir: string): Promise<DraftCourse> {
    return new DraftCourse(courseDir, await mkdtemp(join(tmpdir(), "onion-author-")));
  }

  private get copyDir() {
    return join(this.root, "course");
  }

  /** The folder previews are built in: one subfolder per build. */
  get previewsDir() {
    return join(this.root, "previews");
  }

  private run<T>(job: () => Promise<T>): Promise<T> {
    if (this.disposed)
      return Promise.reject(new Error("The editor's draft of the course is closed"));
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Copies the course afresh and writes the unsaved texts over it. */
  private async refresh(unsaved: Unsaved): Promise<void> {
    await rm(this.copyDir, { recursive: true, force: true });
    await mkdir(this.copyDir, { recursive: true });
    for (const entry of COURSE_ENTRIES) {
      const from = join(this.courseDir, entry);
      if (await stat(from).catch(() => undefined))
        await cp(from, join(this.copyDir, entry), { recursive: true, dereference: false });
    }
    for (const [name, text] of unsaved) await writeFile(join(this.copyDir, name), text);
  }

  check(unsaved: Unsaved): Promise<CheckResult> {
    return this.run(async () => {
      await this.refresh(unsaved);
      return checkCourse(this.copyDir);
    });
  }

  /**
   * Builds the course with the unsaved texts into a new preview folder. Returns its number, or the
   * findings when the course cannot be built (the previous preview stays).
   */
  build(unsaved: Unsaved): Promise<CheckResult & { build?: number }> {
    return this.run(async () => {
      await this.refresh(unsaved);
      const checked = await checkCourse(this.copyDir);
      if (!checked.valid) return checked;
      const { buildSite } = await import("../build/build-site.ts");
      const build = ++this.builds;
      await mkdir(this.previewsDir, { recursive: true });
      await buildSite({
        courseDir: this.copyDir,
        outputDir: join(this.previewsDir, String(build)),
        search: false,
        offline: false,
      });
      // Keep the two newest builds: the one shown and the one before, still loading in a frame.
      if (build > 2)
        await rm(join(this.previewsDir, String(build - 2)), { recursive: true, force: true });
      return { ...checked, build };
    });
  }

  /**
   * Removes the draft once the check or build under way has finished (removing it meanwhile raced
   * with the build's writes: ENOTEMPTY, or files written again into a removed folder); nothing runs
   * after it.
   */
  dispose(): Promise<void> {
    const removed = this.run(() => rm(this.root, { recursive: true, force: true }));
    this.disposed = true;
    return removed;
  }
}

/** Loads the course as `npm run validate` does and returns every finding (notes left out). */
export async function checkCourse(courseDir: string): Promise<CheckResult> {
  try {
    const model = await loadCourse(courseDir);
    return { findings: [...model.warnings], valid: true };
  } catch (error) {
    if (error instanceof ValidationError)
      return { findings: error.findings.filter((f) => f.severity !== "note"), valid: false };
    throw error;
  }
}
