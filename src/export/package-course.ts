import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { CourseError } from "../errors.ts";
import {
  assertSafeOutputTarget,
  createStaging,
  isSameOrInside,
  realPathOf,
  replaceOutput,
} from "../output/safe-output.ts";
import { checkSite, packageScorm, type PackageInfo } from "./scorm/package-scorm.ts";
import { WEBSITE_FOLDER, WEBSITE_ZIP, zipWebsite } from "./website-zip.ts";

export interface PackageOptions {
  courseDir: string;
  /** The built site to pack (default `site`). */
  siteDir: string;
  /** Where the zips go (default `dist`); replaced whole, only if this tool wrote it. */
  outDir: string;
  log?: (line: string) => void;
}

/**
 * `npm run package`: everything the built site is delivered as, written into `outDir` in one swap.
 * The SCORM packages for an LMS (packageScorm) and, beside them, the whole website as one zip
 * (zipWebsite: website.zip) for USB sticks and intranet copies. It never rebuilds.
 */
export async function packageCourse(options: PackageOptions): Promise<PackageInfo[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const siteDir = resolve(options.siteDir);
  assertSafeOutputTarget(options.outDir, { courseDir: options.courseDir });
  assertOutsideSite(options.outDir, options.siteDir);
  const course = await checkSite(siteDir, options.siteDir);
  const { zips: out, infos } = await packageScorm(siteDir, course);
  const website = await zipWebsite(siteDir);
  out.set(WEBSITE_ZIP, website);
  await writePackages(options.outDir, out);
  const shown = relative(process.cwd(), resolve(options.outDir)) || ".";
  for (const info of infos)
    log(
      `${join(shown, info.file)}  SCORM ${info.version}  ${info.modules.length} module(s)  ${formatSize(info.bytes)}`,
    );
  log(`${join(shown, WEBSITE_ZIP)}  the whole website  ${formatSize(website.byteLength)}`);
  const total = infos.reduce((sum, i) => sum + i.bytes, 0);
  log(
    `Wrote ${infos.length} packages (${formatSize(total)}) into ${shown}/: SCORM 1.2 (every LMS; HealthStream, Moodle) and SCORM 2004 4th edition, per module and for the whole course.`,
  );
  log(
    `${WEBSITE_ZIP} is the whole website for a USB stick or an intranet copy: unzip it and open ${WEBSITE_FOLDER}/index.html, or put the ${WEBSITE_FOLDER}/ folder on a web server (then it also works offline after one visit).`,
  );
  return infos;
}

/** The packages are made from the site: they never go into it, nor replace it. */
function assertOutsideSite(outDir: string, siteDir: string): void {
  const out = realPathOf(outDir);
  const site = realPathOf(siteDir);
  if (isSameOrInside(out, site) || isSameOrInside(site, out))
    throw new CourseError(
      `Refusing to write the packages into ${outDir}: it ${isSameOrInside(site, out) ? (out === site ? "is" : "contains") : "is inside"} the built site ${siteDir}/ that they are made from. Choose a folder of their own, e.g. --out dist.`,
    );
}

/** Writes the zips into a staging folder beside `outDir`, then swaps it in (see safe-output.ts). */
async function writePackages(outDir: string, files: Map<string, Uint8Array>): Promise<void> {
  const staging = await createStaging(outDir);
  try {
    for (const [name, data] of files) {
      const path = join(staging, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    }
    await replaceOutput(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;
}
