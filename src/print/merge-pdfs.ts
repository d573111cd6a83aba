import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from "pdf-lib";

/** One PDF to put into the merged document, in order. */
export interface PdfPart {
  bytes: Uint8Array;
  /** A named destination for the part's first page, for links to the part as a whole. */
  name?: string;
  /** The part's named destinations give way to another part's of the same name (stand-ins). */
  yieldDestinations?: boolean;
}

interface Bookmark {
  title: string;
  dest: PDFObject | undefined;
  children: Bookmark[];
}

const name = (n: string) => PDFName.of(n);

/**
 * pdf-lib parses and writes a few dozen objects at a time and then waits for a timer tick, to keep a
 * page responsive; a command has nothing else to do meanwhile, and on a handbook (tens of thousands
 * of objects) those waits were half the merge's time. All objects in one go instead.
 */
const WHOLE_FILE_AT_ONCE = Infinity;

/** The entries of a PDF number tree (flat `/Nums` or through `/Kids`), in order. */
function numberTree(
  context: PDFContext,
  tree: PDFDict | undefined,
  depth = 0,
): [number, PDFObject][] {
  if (!tree || depth > 16) return [];
  const out: [number, PDFObject][] = [];
  const nums = tree.lookupMaybe(name("Nums"), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookupMaybe(i, PDFNumber);
    if (key) out.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = tree.lookupMaybe(name("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++)
    out.push(...numberTree(context, kids.lookupMaybe(i, PDFDict), depth + 1));
  return out;
}

/** The entries of a PDF name tree or a catalog `/Dests` dictionary. */
function destinations(doc: PDFDocument): [string, PDFObject][] {
  const dests = doc.catalog.lookupMaybe(name("Dests"), PDFDict);
  if (!dests) return [];
  return dests.entries().map(([key, value]) => [key.decodeText(), value]);
}

/** The text of a PDF string, whichever of the two kinds it is. */
function text(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "";
}

/** A part's bookmarks as a tree. */
function readBookmarks(doc: PDFDocument): Bookmark[] {
  const walk = (first: PDFObject | undefined, depth: number): Bookmark[] => {
    const items: Bookmark[] = [];
    let ref = first;
    for (let guard = 0; ref instanceof PDFRef && guard < 100_000 && depth < 32; guard++) {
      const item = doc.context.lookup(ref, PDFDict);
      const dest = item.get(name("Dest"));
      items.push({
        title: text(item.lookup(name("Title"))),
        dest,
        children: walk(item.get(name("First")), depth + 1),
      });
      ref = item.get(name("Next"));
    }
    return items;
  };
  const root = doc.catalog.lookupMaybe(name("Outlines"), PDFDict);
  return root ? walk(root.get(name("First")), 0) : [];
}

/** Writes bookmarks as an outline under `parent`; returns the first and last item and how many are shown. */
function writeBookmarks(
  context: PDFContext,
  items: Bookmark[],
  parent: PDFRef,
  open: boolean,
): { first?: PDFRef; last?: PDFRef; count: number } {
  const refs = items.map(() => context.nextRef());
  let count = 0;
  items.forEach((item, i) => {
    const dict = context.obj({}) as PDFDict;
    dict.set(name("Title"), PDFHexString.fromText(item.title));
    dict.set(name("Parent"), parent);
    if (i > 0) dict.set(name("Prev"), refs[i - 1]!);
    if (i < items.length - 1) dict.set(name("Next"), refs[i + 1]!);
    if (item.dest) dict.set(name("Dest"), item.dest);
    const below = writeBookmarks(context, item.children, refs[i]!, false);
    if (below.first) {
      dict.set(name("First"), below.first);
      dict.set(name("Last"), below.last!);
      // A negative count: the item starts closed, showing its title only.
      dict.set(name("Count"), PDFNumber.of(-below.count));
    }
    context.assign(refs[i]!, dict);
    count += 1 + (open ? below.count : 0);
  });
  return { first: refs[0], last: refs[refs.length - 1], count };
}

/**
 * Puts PDFs that Chromium printed into one, keeping what makes each of them usable: every page as
 * it was printed, the tagged structure (so a screen reader reads the merged file as it reads each
 * part), the named destinations that links and contents lists point at, and the bookmarks, each
 * part's under its own. Metadata (title, language) comes from the first part.
 */
export async function mergePdfs(parts: PdfPart[]): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const context = out.context;
  const documentElement = context.obj({ Type: "StructElem", S: "Document", K: [] }) as PDFDict;
  const documentRef = context.register(documentElement);
  const structRoot = context.obj({ Type: "StructTreeRoot", K: documentRef }) as PDFDict;
  const structRootRef = context.register(structRoot);
  documentElement.set(name("P"), structRootRef);
  const parentTree: PDFObject[] = [];
  const dests = context.obj({}) as PDFDict;
  const standIns = new Map<string, PDFObject>();
  const bookmarks: Bookmark[] = [];
  let keyOffset = 0;

  for (const [index, part] of parts.entries()) {
    const src = await PDFDocument.load(part.bytes, {
      updateMetadata: false,
      parseSpeed: WHOLE_FILE_AT_ONCE,
    });
    const copier = PDFObjectCopier.for(src.context, context);
    if (index === 0) {
      out.setTitle(src.getTitle() ?? "", { showInWindowTitleBar: true });
      const lang = src.catalog.get(name("Lang"));
      if (lang) out.catalog.set(name("Lang"), copier.copy(lang));
    }
    const srcRoot = src.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
    // The part's top structure elements are re-parented below; without this their link back to
    // the part's own root would drag that root (and its parent tree) into the copy.
    const top = srcRoot?.get(name("K"));
    const topRefs = top instanceof PDFArray ? top.asArray() : top ? [top] : [];
    for (const ref of topRefs) src.context.lookupMaybe(ref, PDFDict)?.delete(name("P"));

    // Pages, copied by reference so that structure elements and bookmarks that point at a page
    // point at its copy.
    const copiedPages: PDFPage[] = [];
    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef;
      const leaf = context.lookup(ref) as PDFPageLeaf;
      const structParents = leaf.lookupMaybe(name("StructParents"), PDFNumber);
      if (structParents)
        leaf.set(name("StructParents"), PDFNumber.of(structParents.asNumber() + keyOffset));
      const annots = leaf.lookupMaybe(name("Annots"), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookupMaybe(i, PDFDict);
        const key = annot?.lookupMaybe(name("StructParent"), PDFNumber);
        if (annot && key) annot.set(name("StructParent"), PDFNumber.of(key.asNumber() + keyOffset));
      }
      const copy = PDFPage.of(leaf, ref, out);
      copiedPages.push(copy);
      out.addPage(copy);
    }

    if (srcRoot) {
      for (const ref of topRefs) {
        const copied = copier.copy(ref);
        const element = context.lookupMaybe(copied, PDFDict);
        if (!element) continue;
        // Each part is a part of the one document.
        if (element.get(name("S"))?.toString() === "/Document")
          element.set(name("S"), name("Part"));
        element.set(name("P"), documentRef);
        documentElement.lookup(name("K"), PDFArray).push(copied);
      }
      const entries = numberTree(src.context, srcRoot.lookupMaybe(name("ParentTree"), PDFDict));
      for (const [key, value] of entries)
        parentTree.push(PDFNumber.of(key + keyOffset), copier.copy(value));
      const next = srcRoot.lookupMaybe(name("ParentTreeNextKey"), PDFNumber)?.asNumber();
      keyOffset += next ?? Math.max(-1, ...entries.map(([k]) => k)) + 1;
    }

    const first = copiedPages[0];
    if (part.name && first && !dests.has(name(part.name)))
      dests.set(name(part.name), context.obj([first.ref, "XYZ", null, null, null]));
    for (const [key, value] of destinations(src))
      if (part.yieldDestinations) standIns.set(key, copier.copy(value));
      else if (!dests.has(name(key))) dests.set(name(key), copier.copy(value));

    const copyDests = (items: Bookmark[]): Bookmark[] =>
      items.map((b) => ({
        ...b,
        dest: b.dest && copier.copy(b.dest),
        children: copyDests(b.children),
      }));
    bookmarks.push(...copyDests(readBookmarks(src)));
  }
  for (const [key, value] of standIns) if (!dests.has(name(key))) dests.set(name(key), value);
  const parentTreeRef = context.register(context.obj({ Nums: parentTree }));
  structRoot.set(name("ParentTree"), parentTreeRef);
  structRoot.set(name("ParentTreeNextKey"), PDFNumber.of(keyOffset));
  out.catalog.set(name("StructTreeRoot"), structRootRef);
  out.catalog.set(name("MarkInfo"), context.obj({ Marked: true }));
  out.catalog.set(name("Dests"), context.register(dests));
  const outlineRef = context.nextRef();
  const outline = writeBookmarks(context, bookmarks, outlineRef, true);
  const outlineDict = context.obj({ Type: "Outlines" }) as PDFDict;
  if (outline.first) {
    outlineDict.set(name("First"), outline.first);
    outlineDict.set(name("Last"), outline.last!);
    outlineDict.set(name("Count"), PDFNumber.of(outline.count));
  }
  context.assign(outlineRef, outlineDict);
  out.catalog.set(name("Outlines"), outlineRef);
  return out.save({ useObjectStreams: false, objectsPerTick: WHOLE_FILE_AT_ONCE });
}
