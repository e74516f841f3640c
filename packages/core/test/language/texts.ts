// Texts for the property tests of the editor features: a request, mutated with the fragments that
// make jsonc-parser recover; and well-formed JSON with comments.
import fc from "fast-check";

export const base = JSON.stringify(
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
export const mutated = fc
  .array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 4 }), insert: fc.oneof(fragment, fc.constant("")) }), { maxLength: 6 })
  .map((edits) =>
    edits.reduce((text, { at, remove, insert }) => {
      const offset = Math.floor(at * text.length);
      return text.slice(0, offset) + insert + text.slice(offset + remove);
    }, base),
  );

/** Any JSON value, 2-space indented or on one line, with line comments between some lines. */
export const wellFormed = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.array(fc.boolean(), { maxLength: 40 }))
  .map(([value, indented, comments]) => {
    const lines = JSON.stringify(value, null, indented ? 2 : undefined).split("\n");
    // Raw line breaks only come between tokens (JSON.stringify escapes them in strings).
    return lines.map((line, index) => (comments[index] ? `${line} // note` : line)).join("\n");
  });
