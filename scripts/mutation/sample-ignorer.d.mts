import type { Ignorer } from "@stryker-mutator/api/ignore";

export declare const strykerPlugins: { value: Ignorer }[];

export interface MutantPlace {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export declare function placeOf(key: string): MutantPlace | undefined;
