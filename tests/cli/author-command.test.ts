import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, REPO_DIR } from "../helpers/paths.ts";

describe("npm run author", () => {
  it("prints the address with its key, answers only with it, opens nothing with --no-open, stops on Ctrl+C", async () => {
    const child = spawn(
      join(REPO_DIR, "node_modules", ".bin", "tsx"),
      ["src/cli/main.ts", "author", "--course", fixture("minimal"), "--no-open"],
      { cwd: REPO_DIR, env: { ...process.env, DISPLAY: "", WAYLAND_DISPLAY: "" } },
    );
    let output = "";
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
        if (found) done(found[0]);
      });
      child.on("exit", () => fail(new Error(`author exited early:\n${output}`)));
    });
    try {
      expect(output).toMatch(/running on port \d+/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
      expect((await fetch(url.replace(/\?token=.*/, ""))).status).toBe(403);
    } finally {
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  });
});
