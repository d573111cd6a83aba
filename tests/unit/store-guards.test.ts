/// <reference path="../../templates/types/browser-scripts.d.ts" />
import { describe, expect, it } from "vitest";
import { MemoryStorage, runBrowserScripts } from "../helpers/browser-script.ts";

const KEY = "course-a";

/** store.js over a storage holding `stored` (serialised as given) under the course's key. */
function storeOver(stored?: unknown) {
  const localStorage = new MemoryStorage();
  if (stored !== undefined)
    localStorage.items.set(KEY, typeof stored === "string" ? stored : JSON.stringify(stored));
  const context = runBrowserScripts(["templates/assets/store.js"], { localStorage });
  return { Store: context.CourseStore as CourseStoreApi, localStorage };
}

const entry = (text: string, updated: string | null): JournalEntry => ({ text, updated });
const quotaError = () => Object.assign(new Error("full"), { name: "QuotaExceededError" });

describe("the store never writes older text over newer (another tab's)", () => {
  it("refuses an older entry over a newer stored one, and keeps the stored one", () => {
    const { Store } = storeOver();
    const data = Store.empty();
    data.journal.a = entry("written later in another tab", "2026-05-01T10:00:01.000Z");
    expect(Store.putEntry(data, "a", entry("typed earlier here", "2026-05-01T10:00:00.000Z"))).toBe(
      false,
    );
    expect(data.journal.a!.text).toBe("written later in another tab");
  });

  it("puts an entry of the same time or later, and deletes on an empty text", () => {
    const { Store } = storeOver();
    const data = Store.empty();
    data.journal.a = entry("first", "2026-05-01T10:00:00.000Z");
    expect(Store.putEntry(data, "a", entry("same time", "2026-05-01T10:00:00.000Z"))).toBe(true);
    expect(data.journal.a!.text).toBe("same time");
    expect(Store.putEntry(data, "a", entry("", "2026-05-01T10:00:01.000Z"))).toBe(true);
    expect(data.journal).toEqual({});
  });

  it("an undated stored entry (from a version 1 journal) gives way to a dated one", () => {
    const { Store } = storeOver();
    const data = Store.empty();
    data.journal.a = entry("old format", null);
    expect(Store.putEntry(data, "a", entry("new", "2026-01-01T00:00:00.000Z"))).toBe(true);
  });

  it("update reads what is stored now: an older pending entry leaves another tab's newer one saved", () => {
    const { Store, localStorage } = storeOver({
      version: 2,
      journal: { a: entry("other tab", "2026-05-01T10:00:05.000Z") },
      assessments: [],
    });
    const result = Store.update(KEY, (data) => {
      Store.putEntry(data, "a", entry("this tab, older", "2026-05-01T10:00:00.000Z"));
    });
    expect(result.ok).toBe(true);
    expect(JSON.parse(localStorage.getItem(KEY)!).journal.a.text).toBe("other tab");
  });
});

describe("storage problems", () => {
  it("a full storage writes nothing and says so; the data saved before stays as it was", () => {
    const before = { version: 2, journal: { a: entry("kept", null) }, assessments: [] };
    const { Store, localStorage } = storeOver(before);
    localStorage.failWith = quotaError();
    const result = Store.update(KEY, (data) => {
      data.journal.b = entry("new", "2026-01-01T00:00:00.000Z");
    });
    expect(result).toMatchObject({ ok: false, problem: "full" });
    expect(result.data.journal).toEqual(before.journal);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(before);
  });

  it.each([
    ["corrupt", "{not json"],
    ["newer", { version: 99, journal: {}, assessments: [] }],
  ])(
    "unreadable stored data (%s) is reported and never overwritten by an update",
    (problem, raw) => {
      const { Store, localStorage } = storeOver(raw);
      const text = localStorage.getItem(KEY);
      const result = Store.update(KEY, (data) => {
        data.journal.a = entry("x", null);
      });
      expect(result).toMatchObject({ ok: false, problem });
      expect(localStorage.getItem(KEY)).toBe(text);
      expect(Store.open(KEY)).toMatchObject({ problem, raw: text });
    },
  );

  it.each([
    ["full", "learnerData.storageFull"],
    ["newer", "journal.newerStorage"],
    ["corrupt", "journal.corruptStorage"],
    ["unavailable", "journal.corruptStorage"],
  ] as const)("a %s storage is told with %s", (problem, key) => {
    expect(storeOver().Store.problemMessage(problem)).toBe(key);
  });

  it.each([
    ["too-large", "learnerData.importTooLarge"],
    ["foreign", "journal.badImport"],
    ["unreadable", "journal.badImport"],
  ] as const)("a backup refused as %s is told with %s", (code, key) => {
    const { Store } = storeOver();
    expect(Store.importErrorMessage(new Store.StoreError(code))).toBe(key);
  });
});

describe("importing a backup", () => {
  const backup = (): StoreData => ({
    version: 2,
    journal: { a: entry("from the backup", "2026-03-01T00:00:00.000Z") },
    assessments: [{ id: "x", date: "2026-03-01T00:00:00.000Z", levels: { c: "aware" } }],
  });

  it("adds the backup's entries to what is stored, counting them", () => {
    const { Store, localStorage } = storeOver({
      version: 2,
      journal: { b: entry("here", null) },
      assessments: [],
    });
    const outcome = Store.importBackup(KEY, backup(), false);
    expect(outcome).toMatchObject({ ok: true, count: 2 });
    expect(Object.keys(JSON.parse(localStorage.getItem(KEY)!).journal).sort()).toEqual(["a", "b"]);
  });

  it("without the learner's word to replace, unreadable stored data is left alone", () => {
    const { Store, localStorage } = storeOver("{not json");
    expect(Store.importBackup(KEY, backup(), false)).toMatchObject({
      ok: false,
      problem: "corrupt",
    });
    expect(localStorage.getItem(KEY)).toBe("{not json");
  });

  it("replacing unreadable stored data keeps exactly the backup", () => {
    const { Store, localStorage } = storeOver("{not json");
    const outcome = Store.importBackup(KEY, backup(), true);
    expect(outcome).toMatchObject({ ok: true, count: 2 });
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(backup());
  });

  it("a full storage imports nothing", () => {
    const { Store, localStorage } = storeOver();
    localStorage.failWith = quotaError();
    expect(Store.importBackup(KEY, backup(), false)).toMatchObject({ ok: false, problem: "full" });
    expect(localStorage.items.size).toBe(0);
  });
});
