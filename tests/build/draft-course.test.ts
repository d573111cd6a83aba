/**
 * The editor's draft of a course (src/author/draft-course.ts): closing it while a preview is being
 * built waits for the build, then removes the whole draft, and nothing runs after it.
 */
import { stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DraftCourse } from "../../src/author/draft-course.ts";
import { REPO_DIR } from "../helpers/paths.ts";

describe("the editor's draft course", () => {
  it("removes itself after the build under way, and takes no work after that", async () => {
    const draft = await DraftCourse.create(REPO_DIR);
    const building = draft.build(new Map());
    const root = (draft as unknown as { root: string }).root;
    await draft.dispose();
    expect((await building).build).toBe(1);
    expect(await stat(root).catch(() => "gone")).toBe("gone");
    await expect(draft.check(new Map())).rejects.toThrow(/closed/);
    expect(await stat(root).catch(() => "gone")).toBe("gone");
  }, 60_000);
});
