import type { Material } from "./materials.ts";
import type { ModuleReview } from "./review-status.ts";

export const BLOOM_LEVELS = [
  "remember",
  "understand",
  "apply",
  "analyse",
  "evaluate",
  "create",
] as const;
export type BloomLevel = (typeof BLOOM_LEVELS)[number];

export const BLOCK_TYPES = [
  "objectives",
  "case",
  "activity",
  "check",
  "keypoints",
  "facilitator",
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const GROUPINGS = ["individual", "pairs", "small-groups", "whole-group"] as const;

export interface Objective {
  level: BloomLevel;
  text: string;
}

export interface Reference {
  key: string;
  text: string;
  url?: string;
  doi?: string;
  /** When a web source was last read, `YYYY-MM-DD`. */
  accessed?: string;
}

export interface Activity {
  title: string;
  minutes: number;
  grouping?: string;
  /** The names of the materials it uses, from the front matter's `materials:` list. */
  materials: string[];
  /** Their ids: `materials="case-card pens"`. */
  materialIds: string[];
  /** Learner instructions, rendered (facilitator notes left out). */
  html: string;
  /** Facilitator notes that belong to this activity, rendered. */
  facilitatorHtml: string[];
  /**
   * The knowledge checks the activity sets (`check-1`, …): those inside it, and those that follow it
   * before the next case, activity, key points or heading. Its handout prints them.
   */
  checkIds: string[];
}

export interface CheckOption {
  html: string;
  correct: boolean;
  feedbackHtml: string;
}

export interface Check {
  id: string;
  questionHtml: string;
  options: CheckOption[];
}

export interface Case {
  title: string;
  /** The id of the course's case setting (course.yaml `caseSettings`), or "" when the course has none. */
  setting: string;
  html: string;
}

/** One projector slide of a block: the first is headed with the block's title, later ones "(continued)". */
export interface SlidePart {
  heading: string;
  html: string;
}

/**
 * One block the projector view shows, in the module's order. `number` is its first slide's number
 * (slide 1 is the module's title); it takes `count` slides. A check takes two, the question and then
 * its answer; a long case, activity or key points list takes one slide per part, so that no slide
 * needs small type.
 */
export type Slide =
  | {
      kind: "case" | "activity" | "keypoints";
      index: number;
      number: number;
      count: number;
      parts: SlidePart[];
    }
  | { kind: "check"; index: number; number: number; count: 2 };

/** The shape of a module's blocks, compared across locales. */
export interface BlockSignature {
  type: BlockType;
  line: number;
  detail: string;
}

/** One locale's version of a module, parsed, validated and rendered. */
export interface ModuleVersion {
  locale: string;
  file: string;
  title: string;
  duration: number;
  audience: string;
  prerequisites: string;
  objectives: Objective[];
  references: Reference[];
  /** The front matter's `materials:` list: everything a session may need, each once. */
  materials: Material[];
  /** When the content was last reviewed and is next due (front matter `review:`). */
  review?: ModuleReview;
  /**
   * Whether the review covers the content as it is: its fingerprint (written by `npm run review`)
   * matches. Only then do pages say the content is current as of the review's date.
   */
  reviewCoversContent: boolean;
  /** The page body for learners: no facilitator text in it at all. */
  learnerHtml: string;
  /** The same body with facilitator notes in place, for the guide. */
  guideHtml: string;
  activities: Activity[];
  checks: Check[];
  cases: Case[];
  /** All facilitator notes, in order, rendered. */
  facilitatorNotes: string[];
  /** What the projector view shows, in order. */
  slides: Slide[];
  signature: BlockSignature[];
  /** Line of `duration:` in the file (1 when it comes from modules/defaults.yaml). */
  durationLine: number;
  /** Line of `materials:` in the file (1 when there is none). */
  materialsLine?: number;
  /** True when a block of this version has an error, so its structure cannot be compared. */
  hasBlockErrors: boolean;
}

export interface CourseModule {
  competencyId: string;
  layerId: string;
  versions: Record<string, ModuleVersion>;
}
