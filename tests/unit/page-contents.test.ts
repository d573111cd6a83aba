import { describe, expect, it } from "vitest";
import { listSections } from "../../src/pages/page-contents.ts";

describe("the sections of a page for On this page", () => {
  it("are its h2 headings with ids and its elements labelled for the list, in page order", () => {
    const main =
      `<h1>Self-assessment</h1><form>` +
      `<fieldset class="rubric" id="rate-a" data-competency="a" data-contents-label="Key traits"><legend>…</legend></fieldset>` +
      `<fieldset class="rubric" id="rate-b" data-contents-label="Teamwork &amp; &lt;roles&gt;"></fieldset></form>` +
      `<section><h2 id="profile" tabindex="-1" data-contents-skip>Your profile</h2></section>` +
      `<h2 id="later">Later <em>on</em></h2><h2>No id</h2>`;
    expect(listSections(main)).toEqual([
      { id: "rate-a", text: "Key traits" },
      // An attribute's text stays escaped: it goes into the list as it came.
      { id: "rate-b", text: "Teamwork &amp; &lt;roles&gt;" },
      { id: "later", text: "Later on" },
    ]);
  });
});
