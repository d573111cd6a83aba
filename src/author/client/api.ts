/** A problem the validator found, as `npm run validate` reports it. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  dataPath: string;
  message: string;
  hint: string;
  severity: "error" | "warning" | "note";
}

export interface CourseInfo {
  locales: string[];
  forms: string[];
  modules: string[];
  /** Trainable competencies that have no module yet. */
  missingModules: string[];
  schemas: Record<string, JsonSchema>;
  reservedIds: string[];
  defaultColours: string[];
  caseSettings: string[];
  scaffold: Record<string, Record<string, string>>;
}

export interface JsonSchema {
  type?: string | string[];
  kind?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
  minItems?: number;
}

export interface OpenedFile {
  name: string;
  text: string;
  hash: string;
  data?: unknown;
}

export interface CheckResult {
  findings: Finding[];
  valid: boolean;
}

/** What the editor sends: a file's whole text, or (forms) its data. */
export interface Change {
  name: string;
  text?: string;
  data?: unknown;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new ApiError(String(json.error ?? response.statusText), response.status, json);
  return json as T;
}

export const api = {
  course: () => call<CourseInfo>("/api/course"),
  open: (name: string) => call<OpenedFile>(`/api/file?name=${encodeURIComponent(name)}`),
  check: (change: Change) => call<CheckResult>("/api/check", change),
  preview: (change: Change) => call<CheckResult & { build?: number }>("/api/preview", change),
  newModule: (competency: string) => call<{ written: string[] }>("/api/new-module", { competency }),
  save: (change: Change & { hash: string; keepBoth?: boolean }) =>
    call<CheckResult & { hash: string; text: string; keptAs?: string }>("/api/save", change),
};
