import { describe, expect, it } from "vitest";
import { documentSymbols, foldingRanges, format } from "../../src/language/index.js";

const sample = `{
  "count": 2,
  "configuration": {
    "session": {
      "proxy": { "active": true, "type": "custom", "username": "bob", "password": "hunter2" }
    },
    "integrations": [
      { "id": "550e8400-e29b-41d4-a716-446655440000", "type": "1PASSWORD" }
    ]
  }
}`;

function apply(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((out, e) => out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length), text);
}

describe("documentSymbols", () => {
  it("nests properties and array items, with the key as selection", () => {
    const symbols = documentSymbols(sample);
    expect(symbols.map((s) => [s.name, s.kind, s.detail])).toEqual([["count", "number", "2"], ["configuration", "object", undefined]]);
    const configuration = symbols[1]!;
    expect(sample.slice(configuration.selectionOffset, configuration.selectionOffset + configuration.selectionLength)).toBe('"configuration"');
    expect(sample.slice(configuration.offset, configuration.offset + configuration.length)).toMatch(/^"configuration": \{[\s\S]*\}$/);
    const integration = configuration.children[1]!.children[0]!;
    expect(integration).toMatchObject({ name: "0", kind: "object", detail: "1PASSWORD 550e8400-e29b-41d4-a716-446655440000" });
  });

  it("keeps proxy credentials out of the outline", () => {
    const proxy = documentSymbols(sample)[1]!.children[0]!.children[0]!;
    expect(proxy.children.map((s) => s.name)).toEqual(["active", "type", "username", "password"]);
    expect(JSON.stringify(proxy)).not.toContain("hunter2");
    expect(JSON.stringify(proxy)).not.toContain("bob");
  });

  it("stops at the limit breadth-first, keeping the top levels", () => {
    const big = JSON.stringify({ count: 1, metadata: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, { a: i }])) });
    const symbols = documentSymbols(big, { limit: 50 });
    expect(symbols.map((s) => s.name)).toEqual(["count", "metadata"]);
    expect(symbols[1]!.children).toHaveLength(48);
    expect(symbols[1]!.children[0]!.children).toEqual([]);
  });

  it("returns nothing for scalars and broken or too deep input", () => {
    expect(documentSymbols("42")).toEqual([]);
    expect(documentSymbols("[".repeat(100_000))).toEqual([]);
  });
});

describe("foldingRanges", () => {
  it("folds multi-line objects and arrays, leaving the closing line visible", () => {
    expect(foldingRanges(sample)).toEqual([
      { startLine: 1, endLine: 10 },
      { startLine: 3, endLine: 9 },
      { startLine: 4, endLine: 5 },
      { startLine: 7, endLine: 8 },
    ]);
  });

  it("folds block comments and #region markers", () => {
    const text = '{\n  /* a\n     b */\n  // #region proxy\n  "count": 1\n  // #endregion\n}';
    expect(foldingRanges(text)).toEqual([
      { startLine: 1, endLine: 6 },
      { startLine: 2, endLine: 3, kind: "comment" },
      { startLine: 4, endLine: 6, kind: "region" },
    ]);
  });
});

describe("format", () => {
  it("re-indents with the editor's tab size or tabs, keeping CRLF", () => {
    const text = '{"count":1,\r\n"metadata":{"a":[1,2]}}';
    expect(apply(text, format(text, { tabSize: 4, insertSpaces: true }))).toBe(
      '{\r\n    "count": 1,\r\n    "metadata": {\r\n        "a": [\r\n            1,\r\n            2\r\n        ]\r\n    }\r\n}',
    );
    expect(apply('{"count":1}', format('{"count":1}', { tabSize: 2, insertSpaces: false }))).toBe('{\n\t"count": 1\n}');
  });

  it("leaves a formatted document alone", () => {
    expect(format('{\n  "count": 1\n}', { tabSize: 2, insertSpaces: true })).toEqual([]);
  });
});
