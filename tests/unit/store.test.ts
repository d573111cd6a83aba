import { describe, expect, it } from "vitest";
import { loadStoreScript } from "../helpers/store.ts";

const Store = loadStoreScript();

describe("stored learner data", () => {
  it("migrates the version 1 journal (plain text answers) without losing an entry", () => {
    const v1 = {
      version: 1,
      savedAt: "2026-01-02T03:04:05.000Z",
      journal: { a: "first answer", b: "second" },
    };
    const data = Store.migrate(v1);
    expect(data.version).toBe(Store.VERSION);
    expect(data.journal).toEqual({
      a: { text: "first answer", updated: "2026-01-02T03:04:05.000Z" },
      b: { text: "second", updated: "2026-01-02T03:04:05.000Z" },
    });
    expect(data.assessments).toEqual([]);
  });

  it("keeps the current version as it is", () => {
    const v2 = {
      version: 2,
      journal: { a: { text: "x", updated: "2026-02-01T00:00:00.000Z" } },
      assessments: [{ id: "1", date: "2026-02-01T00:00:00.000Z", levels: { c: "aware" } }],
    };
    expect(Store.migrate(v2)).toEqual(v2);
  });

  it.each([
    ["not an object", "hello"],
    ["no version", { journal: {} }],
    ["an unknown old version", { version: 0, journal: {} }],
    ["a journal that is not a map", { version: 1, journal: ["a"] }],
    ["assessments that are not a list", { version: 2, journal: {}, assessments: {} }],
  ])("refuses foreign data: %s", (_name, raw) => {
    expect(() => Store.migrate(raw)).toThrow(expect.objectContaining({ code: "foreign" }));
  });

  it("refuses data from a newer version instead of guessing", () => {
    expect(() => Store.migrate({ version: 99, journal: {} })).toThrow(
      expect.objectContaining({ code: "newer" }),
    );
  });

  it("round-trips a backup of the same course, and refuses another course's backup", () => {
    const data = Store.migrate({ version: 1, journal: { a: "answer" } });
    const text = Store.exportJson("course-a", data, new Date("2026-03-01T00:00:00Z"));
    expect(JSON.parse(text)).toMatchObject({
      format: "onion-course-backup",
      course: "course-a",
      exportedAt: "2026-03-01T00:00:00.000Z",
    });
    expect(Store.parseBackup(text, "course-a")).toEqual(data);
    expect(() => Store.parseBackup(text, "course-b")).toThrow(
      expect.objectContaining({ code: "foreign" }),
    );
    expect(() => Store.parseBackup("{not json", "course-a")).toThrow(
      expect.objectContaining({ code: "foreign" }),
    );
  });

  it("merges a backup: the newer entry for a prompt wins, other entries are kept", () => {
    const current = Store.migrate({
      version: 2,
      journal: {
        a: { text: "new", updated: "2026-05-01" },
        b: { text: "old", updated: "2026-01-01" },
        c: { text: "only here", updated: null },
      },
      assessments: [{ id: "x", date: "2026-01-01", levels: {} }],
    });
    const incoming = Store.migrate({
      version: 2,
      journal: {
        a: { text: "older", updated: "2026-04-01" },
        b: { text: "newer", updated: "2026-02-01" },
      },
      assessments: [
        { id: "x", date: "2026-01-01", levels: {} },
        { id: "y", date: "2025-12-01", levels: {} },
      ],
    });
    const { data, count } = Store.merge(current, incoming);
    expect(data.journal.a!.text).toBe("new");
    expect(data.journal.b!.text).toBe("newer");
    expect(data.journal.c!.text).toBe("only here");
    expect(data.assessments.map((a) => a.id)).toEqual(["y", "x"]);
    expect(count).toBe(3);
  });
});
