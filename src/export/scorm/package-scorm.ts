import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { CourseError } from "../../errors.ts";
import { readCourseRecord, type CourseRecord } from "./course-record.ts";
import { launchPagePath, renderLaunchPage } from "./launch-page.ts";
import { renderManifest, type ScormVersion } from "./manifest.ts";
import { listReferences, rewritePackagePage, stripOfflineParts } from "./package-page.ts";

const RUNTIME_DIR = fileURLToPath(new URL("./assets/", import.meta.url));
/** Files the package adds to what the site has: the launch page's and the module pages' runtimes, their stylesheet. */
const RUNTIME_FILES = ["assets/scorm-launch.js", "assets/scorm.js", "assets/lms.css"];
/** Fixed file dates make the same course give byte-identical zips. */
const ZIP_DATE = new Date("2026-01-01T00:00:00Z");

export interface PackageInfo {
  file: string;
  version: ScormVersion;
  modules: string[];
  bytes: number;
}

interface PackContext {
  course: CourseRecord;
  siteDir: string;
}

type RecordedModule = CourseRecord["modules"][number];

const modulePage = (locale: string, id: string) => `${locale}/modules/${id}/index.html`;

async function readPackageFile(ctx: PackContext, path: string): Promise<Uint8Array> {
  if (RUNTIME_FILES.includes(path))
    return readFile(join(RUNTIME_DIR, path.slice("assets/".length)));
  return readFile(join(ctx.siteDir, path));
}

/** The files of one package (paths inside the zip → contents), its manifest included. */
async function assemblePackage(
  ctx: PackContext,
  modules: RecordedModule[],
  version: ScormVersion,
  identifier: string,
  title: string,
): Promise<Record<string, Uint8Array>> {
  const { course } = ctx;
  const pages = new Map<string, string>();
  for (const m of modules)
    for (const locale of course.locales) {
      const path = modulePage(locale, m.id);
      pages.set(path, stripOfflineParts(await readFile(join(ctx.siteDir, path), "utf8")));
    }
  const shared = new Set(RUNTIME_FILES);
  for (const [path, html] of pages)
    for (const ref of listReferences(html, path))
      if (!ref.endsWith(".html") && existsSync(join(ctx.siteDir, ref))) shared.add(ref);
  const inPackage = new Set([...pages.keys(), ...shared]);
  const encoder = new TextEncoder();
  const zipFiles: Record<string, Uint8Array> = {};
  for (const [path, html] of pages) {
    const locale = path.split("/")[0] ?? course.defaultLocale;
    const moduleId = path.split("/")[2] ?? "";
    const texts = course.texts[locale] ?? course.texts[course.defaultLocale];
    const text = (key: "lms.privacy" | "lms.notice" | "lms.review") => texts?.[key] ?? key;
    zipFiles[path] = encoder.encode(
      rewritePackagePage(html, {
        path,
        files: inPackage,
        privacy: text("lms.privacy"),
        runtime: {
          version,
          module: moduleId,
          completion: course.lms.completion,
          masteryScore: passMark(course, version),
          notice: text("lms.notice"),
          review: text("lms.review"),
        },
      }),
    );
  }
  for (const path of [...shared].sort()) zipFiles[path] = await readPackageFile(ctx, path);
  for (const m of modules)
    zipFiles[launchPagePath(m.id)] = encoder.encode(
      renderLaunchPage({
        version,
        moduleId: m.id,
        title: m.title[course.defaultLocale] ?? m.id,
        defaultLocale: course.defaultLocale,
        pages: Object.fromEntries(course.locales.map((l) => [l, modulePage(l, m.id)])),
      }),
    );
  const manifest = renderManifest({
    version,
    identifier,
    title,
    masteryScore: course.lms.completion === "passed" ? passMark(course, version) : undefined,
    shared: [...shared].sort(),
    scos: modules.map((m) => ({
      id: m.id,
      title: m.title[course.defaultLocale] ?? m.id,
      href: launchPagePath(m.id),
      files: [launchPagePath(m.id), ...course.locales.map((l) => modulePage(l, m.id))],
    })),
  });
  return { "imsmanifest.xml": encoder.encode(manifest), ...zipFiles };
}

/**
 * The pass mark the package judges by. SCORM 1.2 manifests carry a whole number, and an LMS that
 * judges the score itself at the end of a session uses that one: the package uses the same.
 */
function passMark(course: CourseRecord, version: ScormVersion): number {
  return version === "1.2" ? Math.round(course.lms.masteryScore) : course.lms.masteryScore;
}

function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime: ZIP_DATE }]])),
    {
      level: 9,
    },
  );
}

/** The built site's course record, once the site is there with a page for every module it lists. */
export async function checkSite(siteDir: string, shown: string): Promise<CourseRecord> {
  if (!(await stat(siteDir).catch(() => undefined)))
    throw new CourseError(
      `There is no built site in ${shown}/. Run \`npm run build\` first; \`npm run package\` packs the built site.`,
    );
  const course = await readCourseRecord(siteDir, shown);
  if (!course.modules.length)
    throw new CourseError(
      "The course has no modules to package. Mark a competency `trainable: true` in framework/framework.yaml and write its module.",
    );
  for (const m of course.modules)
    for (const locale of course.locales)
      if (!existsSync(join(siteDir, modulePage(locale, m.id))))
        throw new CourseError(
          `${shown}/ has no page for the module ${m.id} in ${locale}, which its own course record (${shown}/lms-course.json) lists: the folder was changed after the build. Run \`npm run build\` again, then \`npm run package\`.`,
        );
  return course;
}

/**
 * The built site's modules packed for an LMS: per module a SCORM 1.2 and a SCORM 2004 (4th edition)
 * package, and a whole-course package of each version with one SCO per module (zip name → bytes),
 * with what each holds. Reads the site; writes nothing.
 */
export async function packageScorm(
  siteDir: string,
  course: CourseRecord,
): Promise<{ zips: Map<string, Uint8Array>; infos: PackageInfo[] }> {
  const ctx: PackContext = { course, siteDir };
  const courseTitle = course.title[course.defaultLocale] ?? "Course";
  const stem = course.id;
  const zips = new Map<string, Uint8Array>();
  const infos: PackageInfo[] = [];
  for (const version of ["1.2", "2004"] as const) {
    const suffix = version === "1.2" ? "scorm12" : "scorm2004";
    const sets: [string, RecordedModule[], string][] = course.modules.map((m) => [
      m.id,
      [m],
      m.title[course.defaultLocale] ?? m.id,
    ]);
    sets.push(["course", course.modules, courseTitle]);
    for (const [name, modules, title] of sets) {
      const file = `${name}-${suffix}.zip`;
      const zip = zipPackage(
        await assemblePackage(ctx, modules, version, `${stem}-${name}`, title),
      );
      zips.set(file, zip);
      infos.push({
        file,
        version,
        modules: modules.map((m) => m.id),
        bytes: zip.byteLength,
      });
    }
  }
  return { zips, infos };
}
