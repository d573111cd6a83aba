import { z } from "zod";

/*
 * A mirror, in zod, of the 1EdTech CASE 1.1 JSON Schema binding for a CFPackage (getCFPackage
 * response): every class this exporter writes, with every field the binding marks required and the
 * type and format of every field we use. The binding's own file is not vendored (its licence is the
 * 1EdTech specification licence); tests turn this mirror into JSON Schema and validate with ajv.
 * Objects are strict, as the binding's `additionalProperties: false` is.
 */

/** The binding's UUID pattern: lower-case hex, variant 8, 9, a or b. */
const uuid = () =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[8-9a-b][0-9a-f]{3}-[0-9a-f]{12}$/);
const anyUri = () => z.url();
const dateTime = () => z.iso.datetime({ offset: true });
const date = () => z.iso.date();
const extensions = () => z.record(z.string(), z.unknown()).optional();

export const linkUri = z.strictObject({ title: z.string(), identifier: uuid(), uri: anyUri() });
export const linkGenUri = z.strictObject({
  title: z.string(),
  identifier: z.string(),
  uri: anyUri(),
  targetType: z.union([z.literal("CASE"), z.string().regex(/^ext:[a-zA-Z0-9.\-_]+$/)]).optional(),
});

export const cfDocument = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  frameworkType: z.string().optional(),
  caseVersion: z.literal("1.1").optional(),
  creator: z.string(),
  title: z.string(),
  lastChangeDateTime: dateTime(),
  officialSourceURL: anyUri().optional(),
  publisher: z.string().optional(),
  description: z.string().optional(),
  subject: z.array(z.string()).optional(),
  subjectURI: z.array(linkUri).optional(),
  language: z.string().optional(),
  version: z.string().optional(),
  adoptionStatus: z.string().optional(),
  statusStartDate: date().optional(),
  statusEndDate: date().optional(),
  licenseURI: linkUri.optional(),
  notes: z.string().optional(),
  extensions: extensions(),
});

export const cfItem = z.strictObject({
  identifier: uuid(),
  fullStatement: z.string(),
  alternativeLabel: z.string().optional(),
  CFItemType: z.string().optional(),
  uri: anyUri(),
  humanCodingScheme: z.string().optional(),
  listEnumeration: z.string().optional(),
  abbreviatedStatement: z.string().optional(),
  conceptKeywords: z.array(z.string()).optional(),
  conceptKeywordsURI: linkUri.optional(),
  notes: z.string().optional(),
  subject: z.array(z.string()).optional(),
  subjectURI: z.array(linkUri).optional(),
  language: z.string().optional(),
  educationLevel: z.array(z.string()).optional(),
  CFItemTypeURI: linkUri.optional(),
  licenseURI: linkUri.optional(),
  statusStartDate: date().optional(),
  statusEndDate: date().optional(),
  lastChangeDateTime: dateTime(),
  extensions: extensions(),
});

const ASSOCIATION_TYPES = [
  "isChildOf",
  "isPeerOf",
  "isPartOf",
  "exactMatchOf",
  "precedes",
  "isRelatedTo",
  "replacedBy",
  "exemplar",
  "hasSkillLevel",
  "isTranslationOf",
] as const;

export const cfAssociation = z.strictObject({
  identifier: uuid(),
  associationType: z.union([z.enum(ASSOCIATION_TYPES), z.string().regex(/^ext:[a-zA-Z0-9.\-_]+$/)]),
  sequenceNumber: z.int().optional(),
  uri: anyUri(),
  originNodeURI: linkGenUri,
  destinationNodeURI: linkGenUri,
  CFAssociationGroupingURI: linkUri.optional(),
  lastChangeDateTime: dateTime(),
  notes: z.string().optional(),
  extensions: extensions(),
});

export const cfItemType = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  title: z.string(),
  description: z.string(),
  hierarchyCode: z.string(),
  typeCode: z.string().optional(),
  lastChangeDateTime: dateTime(),
  extensions: extensions(),
});

export const cfLicense = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  title: z.string(),
  description: z.string().optional(),
  licenseText: z.string(),
  lastChangeDateTime: dateTime(),
  extensions: extensions(),
});

export const cfRubricCriterionLevel = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  description: z.string().optional(),
  quality: z.string().optional(),
  score: z.number().optional(),
  feedback: z.string().optional(),
  position: z.int().optional(),
  rubricCriterionId: uuid().optional(),
  lastChangeDateTime: dateTime(),
  extensions: z.array(z.record(z.string(), z.unknown())).optional(),
});

export const cfRubricCriterion = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  category: z.string().optional(),
  description: z.string().optional(),
  CFItemURI: linkUri.optional(),
  weight: z.number().optional(),
  position: z.int().optional(),
  rubricId: uuid().optional(),
  lastChangeDateTime: dateTime(),
  CFRubricCriterionLevels: z.array(cfRubricCriterionLevel).optional(),
  extensions: extensions(),
});

export const cfRubric = z.strictObject({
  identifier: uuid(),
  uri: anyUri(),
  title: z.string().optional(),
  description: z.string().optional(),
  lastChangeDateTime: dateTime(),
  CFRubricCriteria: z.array(cfRubricCriterion).optional(),
  extensions: extensions(),
});

export const cfDefinitions = z.strictObject({
  CFItemTypes: z.array(cfItemType).optional(),
  CFLicenses: z.array(cfLicense).optional(),
  extensions: extensions(),
});

export const cfPackage = z.strictObject({
  CFDocument: cfDocument,
  CFItems: z.array(cfItem).optional(),
  CFAssociations: z.array(cfAssociation).optional(),
  CFDefinitions: cfDefinitions.optional(),
  CFRubrics: z.array(cfRubric).optional(),
  extensions: extensions(),
});

export type CFPackage = z.infer<typeof cfPackage>;
export type CFItem = z.infer<typeof cfItem>;
export type CFAssociation = z.infer<typeof cfAssociation>;
export type LinkUri = z.infer<typeof linkUri>;
