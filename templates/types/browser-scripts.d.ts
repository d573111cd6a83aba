// Types shared by the browser scripts (templates/assets/*.js, src/export/scorm/assets/*.js): what
// each classic script puts on `window` for the others. Checked by tsconfig.browser.json; not shipped
// (only templates/assets is copied into the site).

/** The interface text a page embeds for its scripts (templates/partials/script-messages.njk), by key. */
type Messages = Record<string, string | undefined>;

/** Values for `{name}` placeholders. */
type MessageValues = Record<string, string | number>;

/** templates/assets/text.js */
interface CourseTextApi {
  messages(): Messages;
  fill(template: string, values?: MessageValues): string;
  text(key: string, values?: MessageValues): string;
}

interface JournalEntry {
  text: string;
  updated: string | null;
}

interface Assessment {
  id: string;
  date: string;
  levels: Record<string, string>;
}

/** The learner data one course keeps in localStorage (version 2). */
interface StoreData {
  version: number;
  journal: Record<string, JournalEntry>;
  assessments: Assessment[];
}

/** Why stored data could not be read ("corrupt", "newer", "unavailable") or written ("full"). */
type StoreProblem = "corrupt" | "newer" | "unavailable" | "full";

interface StoreState {
  data: StoreData;
  problem: StoreProblem | null;
  /** The stored text as read (kept so a learner can still download unreadable data). */
  raw: string | null;
}

interface StoreUpdate {
  ok: boolean;
  problem: StoreProblem | null;
  data: StoreData;
}

interface StoreImport extends StoreUpdate {
  /** Entries taken from the backup. */
  count: number;
}

type StoreErrorCode = "foreign" | "newer" | "too-large" | "unreadable";

interface StoreError extends Error {
  code: StoreErrorCode;
}

/** templates/assets/store.js */
interface CourseStoreApi {
  VERSION: number;
  MAX_IMPORT_BYTES: number;
  StoreError: new (code: StoreErrorCode, message?: string) => StoreError;
  empty(): StoreData;
  migrate(raw: unknown): StoreData;
  open(key: string): StoreState;
  save(key: string, data: StoreData): void;
  clear(key: string): void;
  update(key: string, change: (data: StoreData) => void): StoreUpdate;
  putEntry(data: StoreData, id: string, entry: JournalEntry): boolean;
  onChange(key: string, callback: (fresh: StoreState) => void): void;
  exportJson(key: string, data: unknown, now?: Date): string;
  parseBackup(text: string, key: string): StoreData;
  merge(current: StoreData, incoming: StoreData): { data: StoreData; count: number };
  importBackup(key: string, incoming: StoreData, replace: boolean): StoreImport;
  problemMessage(problem: StoreProblem | null): string;
  importErrorMessage(error: StoreError): string;
  onImport(
    input: HTMLInputElement,
    key: string,
    replace: () => boolean,
    done: (outcome: StoreImport | null, messageKey: string) => void,
  ): void;
  download(name: string, type: string, text: string): void;
  readBackup(
    file: File | null | undefined,
    key: string,
    callback: (error: StoreError | null, data?: StoreData) => void,
  ): void;
}

interface RadarPoint {
  x: number;
  y: number;
}

interface RadarGeometry {
  width: number;
  height: number;
  centre: RadarPoint;
  axes: { end: RadarPoint; label: RadarPoint & { anchor: "start" | "middle" | "end" } }[];
  rings: number[];
}

interface RadarSeries {
  className: string;
  /** One level index per label (0 = lowest); null for a competency not assessed. */
  values: (number | null | undefined)[];
}

interface RadarOptions {
  title: string;
  description: string;
  labels: string[];
  levels: string[];
  series: RadarSeries[];
  labelSize?: number;
  numbered?: boolean;
}

/** templates/assets/radar.js */
interface RadarChartApi {
  RADIUS: number;
  geometry(count: number, levels: number, radius?: number): RadarGeometry;
  pointFor(
    i: number,
    count: number,
    levelIndex: number,
    levels: number,
    radius?: number,
  ): RadarPoint;
  axisAngle(i: number, count: number): number;
  wrap(label: string, width: number): string[];
  polygonPoints(
    values: RadarSeries["values"],
    count: number,
    levels: number,
    radius?: number,
  ): RadarPoint[];
  svg(options: RadarOptions): string;
}

/** What a SCORM launch keeps of the learner's place and answers (cmi.suspend_data, as JSON). */
interface LmsState {
  /** The id of the last section reached, and its position (ids differ by language). */
  l: string;
  i: number;
  /** 1 once the learner reached the end of the page. */
  e: number;
  /** The language last chosen. */
  g?: string;
  /** Each check's first and latest answer ("o1,o3"), by the check's id. */
  c: Record<string, [string, string]>;
}

/** An LMS session that refused to open: the module pages show their notice once and send nothing. */
interface RefusedLmsSession {
  version: string;
  module: string;
  broken: true;
}

/** The LMS session a SCORM launch page (scorm-launch.js) holds for its module pages (scorm.js). */
interface OpenLmsSession {
  version: string;
  module: string;
  /** True after the LMS refused a write: nothing more is sent. */
  broken: boolean;
  finished: boolean;
  review: boolean;
  started: number;
  /** What the LMS held when the launch opened. */
  stored: { status: string; success: string; raw: string };
  state: LmsState;
  get(element: string): string;
  set(element: string, value: string | number): boolean;
  commit(): boolean;
}

type LmsSession = RefusedLmsSession | OpenLmsSession;

/** What the cohort scripts know of the course (embedded by the hand-over and cohort pages). */
interface CohortMeta {
  /** The course id (from its title) and version (its own `version` and the shape of its data). */
  course: string;
  version: string;
  modules: string[];
  /** The assessed competencies, in order: a hand-over packs one level per competency. */
  competencies: { id: string }[];
  /** Level ids of the scale, lowest first, and the index of the target level. */
  levels: string[];
  targetIndex: number;
  /** The rating questions of framework/feedback.yaml, in order. */
  ratings: { id: string }[];
  /** Whether the form has a free-text question. */
  textQuestion: boolean;
  minimumGroup: number;
}

/** One hand-over: short keys keep the QR code small. */
interface CohortRecord {
  /** "onion-cohort" and the format (1) */
  t: string;
  v: number;
  /** course id and version */
  c: string;
  cv: string;
  /** module id, session code, random submission id, date (YYYY-MM-DD) */
  m: string;
  s: string;
  id: string;
  d: string;
  /** levels before and after, one character per competency (level index or "-") */
  b?: string;
  a?: string;
  /** ratings 1–5 per rating question, or "-" */
  r?: string;
  /** the free-text answer */
  x?: string;
}

type CohortProblem =
  "malformed" | "too-large" | "format" | "other-course" | "other-version" | "empty";

interface CohortDistribution {
  counts: number[];
  answered: number;
  atTarget: number;
}

interface CohortSummary {
  n: number;
  k: number;
  shown: boolean;
  from: string;
  to: string;
  modules: string[];
  competencies: {
    id: string;
    before: CohortDistribution | null;
    after: CohortDistribution | null;
  }[];
  ratings: { id: string; counts: number[] | null; answered: number; mean: number | null }[];
  comments: string[];
}

type CohortDecoded =
  { ok: true; record: CohortRecord } | { ok: false; problem: CohortProblem; detail?: string };

/** templates/assets/cohort-core.js */
interface CourseCohortApi {
  KIND: string;
  FORMAT: number;
  MAX_BYTES: number;
  MAX_TEXT: number;
  K_FLOOR: number;
  normaliseSession(raw: string): string | null;
  submissionId(fill?: (bytes: Uint8Array) => Uint8Array): string;
  charCount(text: string): number;
  clipText(text: string): string;
  makeRecord(
    meta: CohortMeta,
    answers: {
      module: string;
      session: string;
      id: string;
      date: string;
      before?: Record<string, string> | null;
      after?: Record<string, string> | null;
      ratings?: Record<string, number>;
      text?: string;
    },
  ): CohortRecord;
  encode(record: CohortRecord): string;
  byteLength(text: string): number;
  decode(text: string, meta: CohortMeta): CohortDecoded;
  addRecord(sessions: Record<string, CohortRecord[]>, record: CohortRecord): boolean;
  shuffle<T>(list: T[], random?: () => number): T[];
  summarise(records: CohortRecord[], meta: CohortMeta, random?: () => number): CohortSummary;
  csvCell(value: string | number | null | undefined): string;
  toCsv(rows: (string | number | null | undefined)[][]): string;
  percent(part: number, whole: number): number;
}

/** The QR libraries, bundled into assets/qr-draw.js and assets/qr-read.js at build time. */
interface QrDrawApi {
  /** qrcode's `create`: the code's modules as a square of booleans. */
  matrix(text: string): { size: number; data: ArrayLike<number> };
}
interface QrReadApi {
  read(
    data: Uint8ClampedArray,
    width: number,
    height: number,
  ): { binaryData: number[]; data: string } | null;
}

interface Window {
  CourseCohort: CourseCohortApi;
  OnionQrDraw?: QrDrawApi;
  OnionQrRead?: QrReadApi;
  CourseText: CourseTextApi;
  CourseStore: CourseStoreApi;
  RadarChart: RadarChartApi;
  lmsSession: LmsSession | null;
}
