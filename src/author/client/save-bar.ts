import { api, ApiError, type Change, type CheckResult, type OpenedFile } from "./api.ts";
import { h } from "./dom.ts";
import { t } from "./messages.ts";

let unsaved = false;
/** Whether the open view has changes not saved yet. */
export const hasUnsaved = () => unsaved;
/** The trainer chose to leave the changes behind. */
export const discardUnsaved = () => {
  unsaved = false;
};

/** What a view gives the save bar: the change to save, and what to do after. */
export interface Saveable {
  name: string;
  change(): Change;
  /** The file was saved: its new hash, and the course's findings now. */
  saved(hash: string, checked: CheckResult): void;
  /** The trainer chose the version on disk. */
  reload(file: OpenedFile): void;
}

/**
 * The Save button and its status line, and the choice offered when the file changed on disk since it
 * was opened (the server refuses with 409 and nothing is overwritten).
 */
export class SaveBar {
  readonly element: HTMLElement;
  private readonly status = h("p", { class: "status", role: "status" });
  private readonly conflict = h("div", { class: "conflict", hidden: true });
  hash: string;

  constructor(
    private readonly view: Saveable,
    hash: string,
    extra: HTMLElement[] = [],
  ) {
    this.hash = hash;
    const button = h(
      "button",
      { type: "button", class: "primary", "data-action": "save" },
      t("save"),
    );
    button.addEventListener("click", () => void this.save(false));
    this.element = h("div", { class: "save-bar" }, button, ...extra, this.status, this.conflict);
  }

  dirty(): void {
    unsaved = true;
    this.status.textContent = t("unsaved");
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  async save(keepBoth: boolean): Promise<void> {
    this.status.textContent = t("saving");
    try {
      const answer = await api.save({ ...this.view.change(), hash: this.hash, keepBoth });
      this.conflict.hidden = true;
      if (answer.keptAs) {
        this.status.textContent = t("keptAs", { name: answer.keptAs });
        return;
      }
      this.hash = answer.hash;
      unsaved = false;
      const errors = answer.findings.filter((f) => f.severity === "error").length;
      this.status.textContent = errors ? t("savedWithFindings", { count: errors }) : t("saved");
      this.view.saved(answer.hash, answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return this.offerChoice();
      this.status.textContent = t("errorSaving", {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private offerChoice(): void {
    this.status.textContent = t("conflictTitle");
    const reload = h("button", { type: "button", "data-action": "reload" }, t("conflictReload"));
    const keep = h("button", { type: "button", "data-action": "keep-both" }, t("conflictKeepBoth"));
    reload.addEventListener("click", async () => {
      const file = await api.open(this.view.name);
      this.hash = file.hash;
      this.conflict.hidden = true;
      this.view.reload(file);
      unsaved = false;
      this.status.textContent = "";
    });
    keep.addEventListener("click", () => void this.save(true));
    this.conflict.replaceChildren(
      h("h2", {}, t("conflictTitle")),
      h("p", {}, t("conflictBody")),
      h("div", { class: "buttons" }, reload, keep),
    );
    this.conflict.hidden = false;
    reload.focus();
  }
}
