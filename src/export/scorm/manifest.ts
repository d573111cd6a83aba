export type ScormVersion = "1.2" | "2004";

export interface ManifestSco {
  id: string;
  title: string;
  /** The launch page, relative to the package root. */
  href: string;
  files: string[];
}

export interface ManifestInput {
  version: ScormVersion;
  identifier: string;
  title: string;
  scos: ManifestSco[];
  /** Files every SCO uses (stylesheets, scripts), listed once as a shared asset resource. */
  shared: string[];
  /** Pass mark in percent, written for LMSs that judge 1.2 scores themselves; omitted when undefined. */
  masteryScore?: number;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

const HEADS: Record<ScormVersion, { attrs: string; schemaVersion: string; scormType: string }> = {
  "1.2": {
    attrs: [
      'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
    ].join("\n  "),
    schemaVersion: "1.2",
    scormType: "adlcp:scormtype",
  },
  "2004": {
    attrs: [
      'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd"',
    ].join("\n  "),
    schemaVersion: "2004 4th Edition",
    scormType: "adlcp:scormType",
  },
};

/** `imsmanifest.xml` for SCORM 1.2 or 2004 4th edition: one organisation, one item per SCO. */
export function renderManifest(input: ManifestInput): string {
  const head = HEADS[input.version];
  const mastery =
    input.version === "1.2" && input.masteryScore !== undefined
      ? `\n        <adlcp:masteryscore>${Math.round(input.masteryScore)}</adlcp:masteryscore>`
      : "";
  const items = input.scos
    .map(
      (sco) =>
        `      <item identifier="item-${sco.id}" identifierref="sco-${sco.id}">\n        <title>${escapeXml(sco.title)}</title>${mastery}\n      </item>`,
    )
    .join("\n");
  const fileList = (files: string[]) =>
    files.map((f) => `      <file href="${escapeXml(encodeURI(f))}"/>`).join("\n");
  const resources = input.scos
    .map(
      (sco) =>
        `    <resource identifier="sco-${sco.id}" type="webcontent" ${head.scormType}="sco" href="${escapeXml(encodeURI(sco.href))}">\n${fileList(sco.files)}\n      <dependency identifierref="shared-files"/>\n    </resource>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(input.identifier)}" version="1"
  ${head.attrs}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${head.schemaVersion}</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${escapeXml(input.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="shared-files" type="webcontent" ${head.scormType}="asset">
${fileList(input.shared)}
    </resource>
  </resources>
</manifest>
`;
}
