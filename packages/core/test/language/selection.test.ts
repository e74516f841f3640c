import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectionRanges } from "../../src/language/index.js";
import { selectionRangesWith } from "../../src/language/selection.js";
import { cursor } from "./cursor.js";
import { mutated, wellFormed } from "./texts.js";

function steps(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return selectionRanges(text, [offset])[0]!.map((span) => text.slice(span.offset, span.offset + span.length));
}

describe("selection ranges", () => {
  it("grow from a string's content to the whole document", () => {
    expect(steps('{ "a": { "type": "anch|or_mobile" } }')).toEqual([
      "anchor_mobile",
      '"anchor_mobile"',
      '"type": "anchor_mobile"',
      '{ "type": "anchor_mobile" }',
      '"a": { "type": "anchor_mobile" }',
      '{ "a": { "type": "anchor_mobile" } }',
    ]);
  });

  it("start at a number, and at the container between members", () => {
    expect(steps('{ "count": 1|0 }')).toEqual(["10", '"count": 10', '{ "count": 10 }']);
    expect(steps('{ "a": 1, | "b": 2 }')[0]).toBe('{ "a": 1,  "b": 2 }');
  });

  it("give each offset its own chain, and something even for broken text", () => {
    const text = '{ "a": [1, 2] }';
    expect(selectionRanges(text, [8, 11]).map((chain) => chain.length)).toEqual([4, 4]);
    expect(() => selectionRanges("{[[\u0000", [0, 2, 99])).not.toThrow();
  });

  it("reads a large well-formed text without a tree, with the tree's answer", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, mutated), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), (text, at) => {
        const offsets = at.map((where) => Math.floor(where * (text.length + 1)));
        expect(selectionRangesWith(text, offsets, 0)).toEqual(selectionRangesWith(text, offsets, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 3000 },
    );
  });

  it("steps out of 100,000 levels from the nesting limit lint() keeps to", () => {
    const text = `{"a": ${"[".repeat(100_000)}1${"]".repeat(100_000)}}`;
    const [chain] = selectionRanges(text, [text.indexOf("1")]);
    // The 255 arrays within 256 levels, the property, the document.
    expect(chain!.length).toBe(257);
    expect(chain![0]).toEqual({ offset: 6 + 254, length: 2 * (100_000 - 254) + 1 });
    expect(chain![chain!.length - 1]).toEqual({ offset: 0, length: text.length });
  });
});
