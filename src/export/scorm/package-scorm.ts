import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { CourseError } from "../../errors.ts";
import { loadCourse } from "../../course/load-course.ts";
import type { CourseModel } from "../../course/model.ts";
import { lookupUiText } from "../../framework/ui-strings.ts";
import type { CourseModule } from "../../modules/types.ts";
import { assertOutputTarget, writeOutputFolder } from "../output-folder.ts";
import { renderManifest, type ScormVersion } from "./manifest.ts";
import { listReferences, rewritePackagePage } from "./package-page.ts";

const RUNTIME_DIR = fileURLToPath(new URL("./assets/", import.meta.url));
/** Files the package adds to what the site has: the runtime and its stylesheet. */
const RUNTIME_FILES = ["assets/scorm.js", "assets/lms.css"];
/** Fixed file dates make the same course give byte-identical zips. */
const ZIP_DATE = new Date("2026-01-01T00:00:00Z");

export interface PackageOptions {
  courseDir: string;
  /** The built site to pack (default `site`). */
  siteDir: string;
  /** Where the zips go (default `dist`); replaced whole, only if this tool wrote it. */
  outDir: string;
  log?: (line: string) => void;
}

export interface PackageInfo {
  file: string;
  version: ScormVersion;
  modules: string[];
  bytes: number;
}

interface PackContext {
  model: CourseModel;
  siteDir: string;
}

const modulePage = (locale: string, id: string) => `${locale}/modules/${id}/index.html`;

async function readPackageFile(ctx: PackContext, path: string): Promise<Uint8Array> {
  if (RUNTIME_FILES.includes(path))
    return readFile(join(RUNTIME_DIR, path.slice("assets/".length)));
  return readFile(join(ctx.siteDir, path));
}

/** The files of one package (paths inside the zip → contents), its manifest included. */
async function assemblePackage(
  ctx: PackContext,
  modules: CourseModule[],
  version: ScormVersion,
  identifier: string,
  title: string,
): Promise<Record<string, Uint8Array>> {
  const { model } = ctx;
  const pages = new Map<string, string>();
  for (const m of modules)
    for (const locale of model.locales) {
      const path = modulePage(locale, m.competencyId);
      pages.set(path, await readFile(join(ctx.siteDir, path), "utf8"));
    }
  const shared = new Set(RUNTIME_FILES);
  for (const [path, html] of pages)
    for (const ref of listReferences(html, path))
      if (!ref.endsWith(".html") && existsSync(join(ctx.siteDir, ref))) shared.add(ref);
  const inPackage = new Set([...pages.keys(), ...shared]);
  const encoder = new TextEncoder();
  const zipFiles: Record<string, Uint8Array> = {};
  for (const [path, html] of pages) {
    const locale = path.split("/")[0] ?? model.defaultLocale;
    const moduleId = path.split("/")[2] ?? "";
    const text = (key: string) => lookupUiText(model.ui, locale, key) ?? key;
    zipFiles[path] = encoder.encode(
      rewritePackagePage(html, {
        path,
        files: inPackage,
        privacy: text("lms.privacy"),
        runtime: {
          version,
          module: moduleId,
          completion: model.settings.lms.completion,
          masteryScore: model.settings.lms.masteryScore,
          notice: text("lms.notice"),
        },
      }),
    );
  }
  for (const path of [...shared].sort()) zipFiles[path] = await readPackageFile(ctx, path);
  const manifest = renderManifest({
    version,
    identifier,
    title,
    masteryScore:
      model.settings.lms.completion === "passed" ? model.settings.lms.masteryScore : undefined,
    shared: [...shared].sort(),
    scos: modules.map((m) => ({
      id: m.competencyId,
      title: m.versions[model.defaultLocale]?.title ?? m.competencyId,
      href: modulePage(model.defaultLocale, m.competencyId),
      files: model.locales.map((l) => modulePage(l, m.competencyId)),
    })),
  });
  return { "imsmanifest.xml": encoder.encode(manifest), ...zipFiles };
}

function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime: ZIP_DATE }]])),
    {
      level: 9,
    },
  );
}

async function checkSite(model: CourseModel, siteDir: string, shown: string): Promise<void> {
  if (!(await stat(siteDir).catch(() => undefined)))
    throw new CourseError(
      `There is no built site in ${shown}/. Run \`npm run build\` first; \`npm run package\` packs the built site.`,
    );
  if (!model.modules.length)
    throw new CourseError(
      "The course has no modules to package. Mark a competency `trainable: true` in framework/framework.yaml and write its module.",
    );
  for (const m of model.modules)
    for (const locale of model.locales)
      if (!existsSync(join(siteDir, modulePage(locale, m.competencyId))))
        throw new CourseError(
          `${shown}/ has no page for the module ${m.competencyId} in ${locale}: it was built from another version of the course. Run \`npm run build\` again, then \`npm run package\`.`,
        );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Packs the built site's modules for an LMS: per module a SCORM 1.2 and a SCORM 2004 (4th edition)
 * package, and a whole-course package of each version with one SCO per module. It never rebuilds.
 */
export async function packageScorm(options: PackageOptions): Promise<PackageInfo[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const siteDir = resolve(options.siteDir);
  const model = await loadCourse(options.courseDir);
  await checkSite(model, siteDir, options.siteDir);
  await assertOutputTarget(options.outDir, { courseDir: options.courseDir });
  const ctx: PackContext = { model, siteDir };
  const courseTitle = model.settings.title[model.defaultLocale] ?? "Course";
  const stem = "c" + createHash("sha256").update(courseTitle).digest("hex").slice(0, 8);
  const out = new Map<string, Uint8Array>();
  const infos: PackageInfo[] = [];
  for (const version of ["1.2", "2004"] as const) {
    const suffix = version === "1.2" ? "scorm12" : "scorm2004";
    const sets: [string, CourseModule[], string][] = model.modules.map((m) => [
      m.competencyId,
      [m],
      m.versions[model.defaultLocale]?.title ?? m.competencyId,
    ]);
    sets.push(["course", model.modules, courseTitle]);
    for (const [name, modules, title] of sets) {
      const file = `${name}-${suffix}.zip`;
      const zip = zipPackage(
        await assemblePackage(ctx, modules, version, `${stem}-${name}`, title),
      );
      out.set(file, zip);
      infos.push({
        file,
        version,
        modules: modules.map((m) => m.competencyId),
        bytes: zip.byteLength,
      });
    }
  }
  await writeOutputFolder(options.outDir, out);
  const shown = relative(process.cwd(), resolve(options.outDir)) || ".";
  for (const info of infos)
    log(
      `${join(shown, info.file)}  SCORM ${info.version}  ${info.modules.length} module(s)  ${formatSize(info.bytes)}`,
    );
  const total = infos.reduce((sum, i) => sum + i.bytes, 0);
  log(
    `Wrote ${infos.length} packages (${formatSize(total)}) into ${shown}/: SCORM 1.2 (every LMS; HealthStream, Moodle) and SCORM 2004 4th edition, per module and for the whole course.`,
  );
  return infos;
}
