import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { completeWith } from "../../src/language/completion.js";
import { hoverWith } from "../../src/language/hover.js";
import { skeletonBefore } from "../../src/language/skeleton.js";
import { cursor } from "./cursor.js";

const base = JSON.stringify(
  {
    count: 2,
    configuration: {
      session: { proxy: { active: true, type: "anchor_mobile", country_code: "bt" }, timeout: { max_duration: 20 } },
      browser: { headless: { active: true }, viewport: { width: 1440, height: 900 }, extensions: ["a", "b"] },
      integrations: [{ id: "x", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["op://v/i/f"] } }],
    },
    metadata: { a: [1, { b: "}" }], "c\\\"": { d: "[" } },
  },
  null,
  2,
);

const fragment = fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\n", "//x\n", "/*", "*/", "\\", '"k": ', "{}", "[]", " ", "\r\n");
const mutated = fc
  .array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 4 }), insert: fc.oneof(fragment, fc.constant("")) }), { maxLength: 6 })
  .map((edits) =>
    edits.reduce((text, { at, remove, insert }) => {
      const offset = Math.floor(at * text.length);
      return text.slice(0, offset) + insert + text.slice(offset + remove);
    }, base),
  );

describe("skeletonBefore", () => {
  it("empties the containers closed before the cursor, keeping length and brackets", () => {
    const { text, offset } = cursor('{ "metadata": { "a": [1, 2] }, "configuration": { "browser": { "x": 1 }, | } }');
    const skeleton = skeletonBefore(text, offset, 0);
    expect(skeleton).toHaveLength(text.length);
    expect(skeleton).toBe(text.replace('{ "a": [1, 2] }', `{/*${" ".repeat(9)}*/}`).replace('{ "x": 1 }', `{/*${" ".repeat(4)}*/}`));
  });

  it("changes no completion or hover, whatever the text and the cursor", () => {
    fc.assert(
      fc.property(mutated, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const offset = Math.floor(at * (text.length + 1));
        expect(completeWith(text, offset, {}, 0)).toEqual(completeWith(text, offset, {}, Number.POSITIVE_INFINITY));
        expect(hoverWith(text, offset, 0)).toEqual(hoverWith(text, offset, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the text when brackets do not pair up", () => {
    const text = '{ "a": [1, 2}, "b": | }'.replace("|", "");
    expect(skeletonBefore(text, text.length - 2, 0)).toBe(text);
  });
});
