import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, readFile, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editFile, fixtureCopies } from "../helpers/courses.ts";
import { REPO_DIR, tempDir } from "../helpers/paths.ts";

const copy = fixtureCopies("module-base");
const MODULE = "modules/information-literacy/en.md";

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

let child: ChildProcess | undefined;
afterAll(() => {
  // The serve command and the Eleventy process it starts.
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
});

describe("npm start: a saved edit rebuilds what it touches", () => {
  it("renders only the edited module's pages after a change to its text, and every page after a change to its title or to the framework", async () => {
    const course = await copy();
    const cwd = await tempDir("serve-");
    // The project's command as `npm start` runs it (tsx), from a folder with no node_modules.
    child = spawn(
      join(REPO_DIR, "node_modules", ".bin", "tsx"),
      [
        join(REPO_DIR, "src/cli/main.ts"),
        "serve",
        "--course",
        course,
        "--port",
        String(await freePort()),
      ],
      { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
    /** The number of files the next build after `from` (an offset in the output) wrote. */
    const nextBuild = async (from: number) => {
      for (let waited = 0; waited < 60_000; waited += 100) {
        const wrote = /Wrote (\d+) files/.exec(output.slice(from));
        if (wrote && /Watching/.test(output.slice(from + wrote.index))) return Number(wrote[1]);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No build within a minute:\n${output.slice(0, 3000)}`);
    };
    const all = await nextBuild(0);
    // Eleventy says "Watching…" before its watcher has seen every folder.
    await new Promise((r) => setTimeout(r, 2500));
    const site = join(cwd, "site");
    const page = join(site, "en/modules/information-literacy/index.html");
    const outline = join(site, "en/modules/index.html");
    const outlineWritten = (await stat(outline)).mtimeMs;
    // The framework's exports are written into the served folder, too.
    const exported = join(site, "en/framework.case.json");
    expect((await stat(exported)).size).toBeGreaterThan(100);
    const exportedWritten = (await stat(exported)).mtimeMs;

    let from = output.length;
    await appendFile(join(course, MODULE), "\nA sentence added while serving.\n");
    const some = await nextBuild(from);
    expect(some).toBeLessThan(all / 2);
    expect(await readFile(page, "utf8")).toContain("A sentence added while serving.");
    const guide = await readFile(
      join(site, "en/facilitators/information-literacy/index.html"),
      "utf8",
    );
    expect(guide).toContain("A sentence added while serving.");
    expect((await stat(outline)).mtimeMs).toBe(outlineWritten);
    // Module text is not part of the framework: its exports are left as they were.
    expect((await stat(exported)).mtimeMs).toBe(exportedWritten);

    from = output.length;
    await editFile(course, MODULE, (text) =>
      text.replace(/^title: .*$/m, 'title: "A title changed while serving"'),
    );
    expect(await nextBuild(from)).toBe(all);
    expect(await readFile(outline, "utf8")).toContain("A title changed while serving");

    // The framework file (kept parsed between rebuilds) changed: every page and the exports follow.
    from = output.length;
    await editFile(course, "framework/framework.yaml", (text) =>
      text.replace(
        "title: { en: Information literacy,",
        "title: { en: Literacy renamed in the framework,",
      ),
    );
    expect(await nextBuild(from)).toBe(all);
    const competency = join(site, "en/framework/professional/information-literacy/index.html");
    expect(await readFile(competency, "utf8")).toContain("Literacy renamed in the framework");
    expect(await readFile(exported, "utf8")).toContain("Literacy renamed in the framework");
  }, 120_000);
});
