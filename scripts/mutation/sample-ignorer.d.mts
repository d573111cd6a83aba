import type { Ignorer } from "@stryker-mutator/api/ignore";

export declare const strykerPlugins: { value: Ignorer }[];
