import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  layerColourSchema,
  MIN_CONTRAST_ON_WHITE,
} from "../../src/framework/layer-colours.ts";

describe("a layer colour must reach 4.5:1 against white", () => {
  // The two greys either side of the line: #767676 is 4.54:1, #777777 is 4.48:1.
  it("accepts a colour just over 4.5:1", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThan(MIN_CONTRAST_ON_WHITE);
    expect(contrastRatio("#767676", "#ffffff")).toBeLessThan(4.55);
    expect(layerColourSchema().safeParse("#767676").success).toBe(true);
  });

  it("refuses a colour just under 4.5:1, saying it is too light", () => {
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(MIN_CONTRAST_ON_WHITE);
    expect(contrastRatio("#777777", "#ffffff")).toBeGreaterThan(4.45);
    const result = layerColourSchema().safeParse("#777777");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain("too light");
  });
});
