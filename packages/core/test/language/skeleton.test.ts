import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mutated, wellFormed } from "./texts.js";
import { completeWith } from "../../src/language/completion.js";
import { hoverWith } from "../../src/language/hover.js";
import { skeletonsBefore } from "../../src/language/skeleton.js";
import { cursor } from "./cursor.js";

describe("skeletonsBefore", () => {
  it("empties the containers closed before the cursor, and leaves out the members before the path", () => {
    const { text, offset } = cursor('{ "metadata": { "a": [1, 2] }, "configuration": { "browser": { "x": 1 }, "session": { "a": 1, "b": 2, | } } }');
    const { located, scanned } = skeletonsBefore(text, offset, 0);
    expect(located.text).toBe('{ "configuration": { "session": {  } } }');
    // For the scans, the innermost object keeps its members (completion leaves out the keys present).
    expect(scanned().text).toBe('{ "configuration": { "session": { "a": 1, "b": 2,  } } }');
    for (const skeleton of [located, scanned()]) expect(skeleton.text.slice(offset - skeleton.delta)).toBe(text.slice(offset));
  });

  it("changes no completion or hover, whatever the text and the cursor", () => {
    fc.assert(
      fc.property(fc.oneof(mutated, mutated, wellFormed), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const offset = Math.floor(at * (text.length + 1));
        expect(completeWith(text, offset, {}, 0)).toEqual(completeWith(text, offset, {}, Number.POSITIVE_INFINITY));
        expect(hoverWith(text, offset, 0)).toEqual(hoverWith(text, offset, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the text when the text before the cursor is not well-formed", () => {
    const text = '{ "a": [1, 2}, "b": | }'.replace("|", "");
    const { located, scanned } = skeletonsBefore(text, text.length - 2, 0);
    expect([located, scanned()]).toEqual([{ text, delta: 0 }, { text, delta: 0 }]);
  });
});
