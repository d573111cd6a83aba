import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ElementHandle, Page } from "playwright-core";
import { InternalError } from "../errors.ts";
import { mergePdfs, type PdfPart } from "./merge-pdfs.ts";
import { readNamedDestinations } from "./pdf-destinations.ts";
import { printWithContents, type ContentsPages } from "./print-page-pdf.ts";

/** The handbook's glossary, after the guides: its heading's id, and its section. */
const GLOSSARY_ID = "handbook-glossary";
const GLOSSARY = `section:has(> #${GLOSSARY_ID})`;

/**
 * Prints the programme handbook of one locale from its page and the guides' PDFs, which are
 * printed already: the handbook's own pages (cover, contents, schedule, framework), then the
 * guides' PDFs as they were printed, then the glossary.
 * Each guide, and the glossary, keeps its own page numbers, so their contents entries give the
 * page within that part, as printed at the foot of each of its pages. Chromium lays out each guide
 * once, whatever the size of the course (one document with every guide did not print at N=512).
 * `guidePdfs` maps each guide page to its PDF.
 */
export async function printHandbook(
  page: Page,
  html: string,
  guidePdfs: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  // The contents link to the guides' own pages; in the PDF, which holds the guides, they link to
  // the same sections inside the document (each guide's PDF brings its named destinations).
  const ids = await page.$$eval(".toc__guide > a", (links) =>
    links.map((link) => {
      const ownPage = link.getAttribute("href") ?? "";
      for (const a of Array.from(link.parentElement!.querySelectorAll("a"))) {
        const slot = a.querySelector("[data-toc-page]")?.getAttribute("data-toc-page");
        if (!slot) continue;
        a.setAttribute("href", `#${slot}`);
        // A stand-in target, so that Chromium writes the link; the merge points it at the guide.
        const target = document.createElement("span");
        target.id = slot;
        link.closest("nav")!.append(target);
      }
      return /^\.\.\/([^/]+)\/index\.html$/.exec(ownPage)?.[1] ?? "";
    }),
  );
  // The note that each guide keeps its own page numbers: true of this print only (the page itself
  // shows no page numbers).
  await page.$$eval("[data-toc-note]", (notes) =>
    notes.forEach((n) => n.removeAttribute("hidden")),
  );
  const guides = await Promise.all(
    ids.map(async (id) => {
      const pdf = guidePdfs.get(join(dirname(html), "..", id, "index.html"));
      if (!pdf) throw new InternalError(`the handbook's guide ${id} has no PDF`);
      return { id, bytes: await readFile(pdf) };
    }),
  );
  // Where each guide's sections are in the guide's own PDF (ids carry the guide's id).
  const known: ContentsPages = new Map();
  for (const { id, bytes } of guides) {
    known.set(id, 1);
    for (const [name, at] of readNamedDestinations(bytes))
      if (name.startsWith(`${id}-`)) known.set(name, at);
  }
  // The glossary comes after the guides and, like them, has page numbers of its own. It is taken
  // out of the page for the handbook's own pages and printed alone afterwards (the handle keeps it).
  const glossarySection = await page.$(GLOSSARY);
  const glossary = await page.$$eval(
    GLOSSARY,
    (sections, id) => {
      sections.forEach((s) => s.remove());
      // A stand-in target for its contents link, as for the guides'.
      const target = document.createElement("span");
      target.id = id;
      if (sections.length) document.querySelector(".toc")?.append(target);
      return sections.length > 0;
    },
    GLOSSARY_ID,
  );
  if (glossary) known.set(GLOSSARY_ID, 1);
  const { pdf: front } = await printWithContents(page, known);
  const parts: PdfPart[] = [
    { bytes: front, yieldDestinations: true },
    ...guides.map((g) => ({ bytes: g.bytes, name: g.id })),
  ];
  if (glossary && glossarySection)
    parts.push({ bytes: await printGlossary(page, glossarySection), name: GLOSSARY_ID });
  return mergePdfs(parts);
}

/**
 * The handbook's glossary alone: the page's article holds only the glossary section, as it was
 * before the handbook's own pages were printed. Everything those pages changed (the contents'
 * links, numbers and stand-ins, its note) is inside the article, so it goes with the rest.
 */
async function printGlossary(page: Page, section: ElementHandle<Element>): Promise<Buffer> {
  await section.evaluate((glossary) =>
    document.querySelector("article.handbook")?.replaceChildren(glossary),
  );
  await section.dispose();
  return (await printWithContents(page)).pdf;
}
