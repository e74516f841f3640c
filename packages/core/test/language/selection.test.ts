import { describe, expect, it } from "vitest";
import { selectionRanges } from "../../src/language/index.js";
import { cursor } from "./cursor.js";

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
});
