// The pure part of cohort evaluation (templates/assets/cohort-core.js), run as the browser runs it:
// the hand-over's encoding and the checks on what a facilitator is handed, the summary with its
// floor, and CSV cells that a spreadsheet cannot read as formulas.
import { describe, expect, it } from "vitest";
import { runBrowserScripts } from "../helpers/browser-script.ts";

interface CohortMeta {
  course: string;
  version: string;
  modules: string[];
  competencies: { id: string }[];
  levels: string[];
  targetIndex: number;
  ratings: { id: string }[];
  textQuestion: boolean;
  minimumGroup: number;
}
type CohortRecord = Record<string, string | number | undefined> & { id: string; s: string };
interface Distribution {
  counts: number[];
  answered: number;
  atTarget: number;
}
interface CohortApi {
  MAX_BYTES: number;
  MAX_TEXT: number;
  normaliseSession(raw: string): string | null;
  submissionId(fill?: (bytes: Uint8Array) => Uint8Array): string;
  makeRecord(meta: CohortMeta, answers: Record<string, unknown>): CohortRecord;
  encode(record: CohortRecord): string;
  decode(
    text: string,
    meta: CohortMeta,
  ): { ok: true; record: CohortRecord } | { ok: false; problem: string; detail?: string };
  addRecord(sessions: Record<string, CohortRecord[]>, record: CohortRecord): boolean;
  summarise(
    records: CohortRecord[],
    meta: CohortMeta,
    random?: () => number,
  ): {
    n: number;
    k: number;
    shown: boolean;
    competencies: { id: string; before: Distribution | null; after: Distribution | null }[];
    ratings: { id: string; counts: number[] | null; answered: number; mean: number | null }[];
    comments: string[];
  };
  csvCell(value: string | number | null | undefined): string;
  toCsv(rows: (string | number | null)[][]): string;
}

const Cohort = runBrowserScripts(["templates/assets/cohort-core.js"]).CourseCohort as CohortApi;

const meta: CohortMeta = {
  course: "from-clinics-to-clicks",
  version: "2-abc123",
  modules: ["digital-skills", "medical-expertise"],
  competencies: [{ id: "digital-skills" }, { id: "medical-expertise" }],
  levels: ["aware", "developing", "proficient", "exemplary"],
  targetIndex: 2,
  ratings: [{ id: "relevance" }, { id: "clarity" }],
  textQuestion: true,
  minimumGroup: 5,
};

let serial = 0;
function record(answers: Record<string, unknown> = {}): CohortRecord {
  serial += 1;
  return Cohort.makeRecord(meta, {
    module: "digital-skills",
    session: "A7K2",
    id: `sub${String(serial).padStart(6, "0")}`,
    date: "2026-12-07",
    ...answers,
  });
}

describe("the hand-over", () => {
  it("holds only the course, version, module, session, id, date and the answers, compactly", () => {
    const r = record({
      before: { "digital-skills": "aware" },
      after: { "digital-skills": "proficient", "medical-expertise": "exemplary" },
      ratings: { relevance: 4, clarity: 7 },
      text: "  Longer role play  ",
    });
    expect(Object.keys(r).sort()).toEqual(
      ["a", "b", "c", "cv", "d", "id", "m", "r", "s", "t", "v", "x"].sort(),
    );
    expect(r).toMatchObject({ b: "0-", a: "23", r: "4-", x: "Longer role play" });
    const back = Cohort.decode(Cohort.encode(r), meta);
    expect(back).toEqual({ ok: true, record: r });
  });

  it("clips the free text to the limit, counting Chinese characters as one each", () => {
    const r = record({ text: "很".repeat(Cohort.MAX_TEXT + 20), ratings: { relevance: 3 } });
    expect(Array.from(String(r.x))).toHaveLength(Cohort.MAX_TEXT);
    expect(Cohort.decode(Cohort.encode(r), meta).ok).toBe(true);
  });

  it("leaves out what was not answered, and the text when the form has no text question", () => {
    const r = Cohort.makeRecord(
      { ...meta, textQuestion: false },
      { module: "digital-skills", session: "B4", id: "abcdefgh", date: "2026-12-07", text: "hi" },
    );
    expect(r.x).toBeUndefined();
    expect(r.r).toBeUndefined();
    expect(Cohort.decode(Cohort.encode(r), meta)).toEqual({ ok: false, problem: "empty" });
  });

  it("tidies session codes and refuses ones that are not 2 to 12 letters or digits", () => {
    expect(Cohort.normaliseSession(" a7k-2 ")).toBe("A7K2");
    expect(Cohort.normaliseSession("x")).toBeNull();
    expect(Cohort.normaliseSession("<script>")).toBeNull();
  });

  it("makes random ids of 12 letters and digits", () => {
    const id = Cohort.submissionId((b) => b.fill(7));
    expect(id).toMatch(/^[a-z0-9]{12}$/);
    expect(Cohort.submissionId()).not.toBe(Cohort.submissionId());
  });
});

describe("checking what a facilitator is handed", () => {
  const good = () => JSON.parse(Cohort.encode(record({ ratings: { relevance: 5 } })));
  const check = (value: unknown) =>
    Cohort.decode(typeof value === "string" ? value : JSON.stringify(value), meta);

  it.each([
    ["not JSON", "{oops"],
    ["an array", []],
    ["another kind of JSON", { hello: "world" }],
    ["an unknown key", { ...good(), name: "Dr Li" }],
    ["a module of no course", { ...good(), m: "cooking" }],
    ["a bad session code", { ...good(), s: "a b" }],
    ["a bad date", { ...good(), d: "yesterday" }],
    ["a bad id", { ...good(), id: "x" }],
    ["a level out of range", { ...good(), a: "94" }],
    ["levels of the wrong length", { ...good(), a: "2" }],
    ["a rating of 6", { ...good(), r: "6-" }],
    ["a rating of the wrong type", { ...good(), r: 5 }],
    ["text longer than the limit", { ...good(), x: "a".repeat(Cohort.MAX_TEXT + 1) }],
    ["an empty string", ""],
  ])("refuses %s as malformed", (_what, value) => {
    expect(check(value)).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("refuses a hand-over that is too large before reading it", () => {
    expect(check({ ...good(), x: "a".repeat(Cohort.MAX_BYTES) })).toEqual({
      ok: false,
      problem: "too-large",
    });
  });

  it("refuses another course, another version and another format, naming what it was", () => {
    expect(check({ ...good(), c: "other-course" })).toEqual({
      ok: false,
      problem: "other-course",
      detail: "other-course",
    });
    expect(check({ ...good(), cv: "1-ffffff" })).toEqual({
      ok: false,
      problem: "other-version",
      detail: "1-ffffff",
    });
    expect(check({ ...good(), v: 2 })).toMatchObject({ ok: false, problem: "format" });
  });
});

describe("the summary of a session", () => {
  /** Six learners: before at aware (3) and developing (3); after at proficient (4) and exemplary (2). */
  const six = () =>
    [0, 1, 2, 3, 4, 5].map((i) =>
      record({
        before: { "digital-skills": i < 3 ? "aware" : "developing" },
        after: { "digital-skills": i < 4 ? "proficient" : "exemplary" },
        ratings: { relevance: (i % 5) + 1, clarity: 4 },
        text: i % 2 ? `comment ${i}` : "",
      }),
    );

  it("counts levels before and after, and the share at or above the target", () => {
    const s = Cohort.summarise(six(), meta);
    expect(s).toMatchObject({ n: 6, k: 5, shown: true });
    expect(s.competencies[0]).toEqual({
      id: "digital-skills",
      before: { counts: [3, 3, 0, 0], answered: 6, atTarget: 0 },
      after: { counts: [0, 0, 4, 2], answered: 6, atTarget: 6 },
    });
    // Nobody rated medical-expertise: below the floor, so not shown.
    expect(s.competencies[1]).toEqual({ id: "medical-expertise", before: null, after: null });
    expect(s.ratings[0]).toEqual({
      id: "relevance",
      counts: [2, 1, 1, 1, 1],
      answered: 6,
      mean: 2.7,
    });
    expect(s.ratings[1]!.counts).toEqual([0, 0, 0, 6, 0]);
    expect([...s.comments].sort()).toEqual(["comment 1", "comment 3", "comment 5"]);
  });

  it("shows nothing but the count below the floor", () => {
    const s = Cohort.summarise(six().slice(0, 4), meta);
    expect(s).toMatchObject({ n: 4, k: 5, shown: false, competencies: [], ratings: [] });
    expect(s.comments).toEqual([]);
  });

  it("keeps the floor at 5 even if a course asks for less, and raises it when asked", () => {
    expect(Cohort.summarise(six(), { ...meta, minimumGroup: 2 }).k).toBe(5);
    const raised = Cohort.summarise(six(), { ...meta, minimumGroup: 8 });
    expect(raised).toMatchObject({ k: 8, shown: false });
  });

  it("counts a submission once, however often it is added", () => {
    const sessions: Record<string, CohortRecord[]> = {};
    const records = six();
    for (const r of [...records, records[0]!, { ...records[1]! }]) Cohort.addRecord(sessions, r);
    expect(sessions.A7K2).toHaveLength(6);
    expect(Cohort.addRecord(sessions, records[2]!)).toBe(false);
    expect(Cohort.summarise([...records, records[0]!], meta).n).toBe(6);
  });

  it("gives free-text answers in an order that does not follow the hand-overs", () => {
    const many = Array.from({ length: 12 }, (_, i) => record({ text: `c${i}` }));
    const orders = new Set(
      [0.1, 0.5, 0.9].map((seed) => {
        let x = seed;
        return Cohort.summarise(many, meta, () => (x = (x * 9301 + 0.49297) % 1)).comments.join();
      }),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("CSV", () => {
  it.each([
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["a, b", '"a, b"'],
    ["line\nbreak", '"line\nbreak"'],
    ["plain 中文", "plain 中文"],
  ])("neutralises and quotes %j", (input, expected) => {
    expect(Cohort.csvCell(input)).toBe(expected);
  });

  it("writes numbers as numbers and nothing for no value, with CRLF line ends", () => {
    expect(
      Cohort.toCsv([
        ["a", 3, null],
        ["=x", -1, "b"],
      ]),
    ).toBe("a,3,\r\n'=x,-1,b\r\n");
  });
});
