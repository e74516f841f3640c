import { describe, expect, it } from "vitest";
import { format, type FormatOptions } from "../../src/language/index.js";

function apply(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  return out;
}

/** A valid request whose `"leaf": true` sits `levels` objects deep (the document itself is one). */
function nested(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let level = 3; level < levels; level++) value = { a: value };
  return { count: 1, configuration: {}, metadata: value };
}

describe("format at deep indentation", () => {
  // jsonc-parser 3.3.1 leaves the text out of the edits whose indentation is exactly 200 characters.
  const cases: [string, FormatOptions, string, number[]][] = [
    ["1 space", { tabSize: 1, insertSpaces: true }, " ", [199, 200, 201]],
    ["2 spaces", { tabSize: 2, insertSpaces: true }, "  ", [99, 100, 101]],
    ["4 spaces", { tabSize: 4, insertSpaces: true }, "    ", [49, 50, 51]],
    ["tabs", { tabSize: 4, insertSpaces: false }, "\t", [199, 200, 201]],
  ];
  for (const [name, options, unit, depths] of cases) {
    it(`indents every line with ${name} at ${depths.map((depth) => depth * unit.length).join(", ")} characters`, () => {
      for (const depth of depths) {
        const request = nested(depth + 1);
        const text = JSON.stringify(request);
        const formatted = apply(text, format(text, options));
        expect(formatted).toBe(JSON.stringify(request, null, unit));
        expect(formatted).toContain(`\n${unit.repeat(depth)}"leaf": true\n`);
        expect(format(formatted, options)).toEqual([]);
      }
    });
  }

  it("keeps the document's CRLF on the line it indents by 200 characters", () => {
    const request = nested(201);
    const text = JSON.stringify(request).replace('"count":1,', '"count":1,\r\n');
    const formatted = apply(text, format(text, { tabSize: 1, insertSpaces: true }));
    expect(formatted).toBe(JSON.stringify(request, null, " ").replace(/\n/g, "\r\n"));
  });

  it("indents a formatted range 200 characters deep", () => {
    const request = nested(201);
    const formatted = JSON.stringify(request, null, "\t");
    const text = formatted.replace('"leaf": true', '"leaf":true,"more":1');
    const leafLine = text.slice(text.lastIndexOf("\n", text.indexOf('"leaf"')) + 1, text.indexOf("\n", text.indexOf('"leaf"')));
    const edits = format(text, { tabSize: 4, insertSpaces: false, range: { offset: text.indexOf(leafLine), length: leafLine.length } });
    expect(apply(text, edits)).toBe(formatted.replace('"leaf": true', `"leaf": true,\n${"\t".repeat(200)}"more": 1`));
  });

  it("indents every level the tree builder takes, up to 255 characters", () => {
    const request = nested(256);
    const text = JSON.stringify(request);
    expect(apply(text, format(text, { tabSize: 1, insertSpaces: true }))).toBe(JSON.stringify(request, null, " "));
  });
});
