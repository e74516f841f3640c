import { describe, expect, it } from "vitest";
import { openMarked } from "../helpers.js";

describe("symbols and folding", () => {
  it("outlines and folds the document", async () => {
    const { client, uri } = await openMarked('{\n  "count": 1,\n  "configuration": {\n    "browser": {\n      "headless": { "active": true }\n    }\n  }\n}|');
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(["count", "configuration"]);
    expect(symbols[1].children[0]).toMatchObject({ name: "browser", range: { start: { line: 3, character: 4 }, end: { line: 5, character: 5 } } });
    const folds = await client.request("textDocument/foldingRange", { textDocument: { uri } });
    expect(folds).toEqual([
      { startLine: 0, endLine: 6 },
      { startLine: 2, endLine: 5 },
      { startLine: 3, endLine: 4 },
    ]);
  });
});
