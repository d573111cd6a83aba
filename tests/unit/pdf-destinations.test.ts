// The contents pages' page numbers come from where Chromium put each heading (print-page-pdf.ts):
// a small reader of the PDF's named destinations, tried here on the structure Skia writes.
import { describe, expect, it } from "vitest";
import { readNamedDestinations } from "../../src/print/pdf-destinations.ts";

/** A PDF in the shape Chromium prints: catalog, a page tree with a nested node, named destinations. */
function skiaLikePdf({ catalog = true } = {}): Uint8Array {
  const objects = [
    "1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>\nendobj",
    "2 0 obj\n<</Type /Pages\n/Count 3\n/Kids [3 0 R 4 0 R]>>\nendobj",
    // A nested node: its pages come between page 1 and the last page.
    "4 0 obj\n<</Type /Pages\n/Count 2\n/Kids [6 0 R 5 0 R]>>\nendobj",
    "3 0 obj\n<</Type /Page\n/Parent 2 0 R\n/Contents 7 0 R>>\nendobj",
    "5 0 obj\n<</Type /Page\n/Parent 4 0 R>>\nendobj",
    "6 0 obj\n<</Type /Page\n/Parent 4 0 R>>\nendobj",
    // Stream bytes can hold anything, including what looks like a destination.
    "7 0 obj\n<</Length 20>> stream\n/fake [5 0 R /XYZ]\nendstream\nendobj",
    "9 0 obj\n<</contents [3 0 R /XYZ 0 792 0]\n/case#2D2 [6 0 R /XYZ 0 400 0]\n/key-points [5 0 R /XYZ 0 300 0]\n/lost [8 0 R /XYZ 0 0 0]>>\nendobj",
  ];
  const text = `%PDF-1.4\n${(catalog ? objects : objects.slice(1)).join("\n")}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, "latin1"));
}

describe("named destinations of a printed PDF", () => {
  it("gives each destination's page number in reading order, through nested page-tree nodes", () => {
    expect(readNamedDestinations(skiaLikePdf())).toEqual(
      new Map([
        ["contents", 1],
        // `#2D` is how a PDF name writes a hyphen: the id is case-2.
        ["case-2", 2],
        ["key-points", 3],
      ]),
    );
  });

  it("returns nothing for a PDF it does not recognise, rather than wrong numbers", () => {
    expect(readNamedDestinations(skiaLikePdf({ catalog: false }))).toEqual(new Map());
    expect(readNamedDestinations(new Uint8Array(Buffer.from("not a pdf")))).toEqual(new Map());
  });
});
