/// <reference path="../../templates/types/browser-scripts.d.ts" />
import { describe, expect, it } from "vitest";
import { documentWithMessages, runBrowserScripts } from "../helpers/browser-script.ts";

/** templates/assets/text.js on a page that embeds `json` as its messages (or none). */
function textOnPage(json: string | null): CourseTextApi {
  const context = runBrowserScripts(["templates/assets/text.js"], {
    document: documentWithMessages(json),
  });
  return context.CourseText as CourseTextApi;
}

describe("interface text for the browser scripts (text.js)", () => {
  const Text = textOnPage(JSON.stringify({ "journal.saved": "Saved at {time}.", "x.empty": "" }));

  it("fills every placeholder it has a value for, numbers included", () => {
    expect(Text.fill("{n} of {total}", { n: 2, total: 10 })).toBe("2 of 10");
    expect(Text.text("journal.saved", { time: "10:04" })).toBe("Saved at 10:04.");
  });

  it("leaves a placeholder without a value as written, like the engine's formatMessage", () => {
    expect(Text.fill("Saved at {tme}.", { time: "10:04" })).toBe("Saved at {tme}.");
    expect(Text.fill("{toString} {constructor}", {})).toBe("{toString} {constructor}");
  });

  it("shows a key the page lacks as itself, and an empty message as empty", () => {
    expect(Text.text("journal.missing")).toBe("journal.missing");
    expect(Text.text("x.empty")).toBe("");
  });

  it.each([
    ["no messages element", null],
    ["unreadable JSON", "{not json"],
    ["a list instead of a map", '["a"]'],
    ["null", "null"],
  ])("reads no messages from %s, without failing", (_name, json) => {
    const Text = textOnPage(json);
    expect(Text.messages()).toEqual({});
    expect(Text.text("check.chooseFirst")).toBe("check.chooseFirst");
  });
});
