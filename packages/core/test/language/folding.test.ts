import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createScanner } from "jsonc-parser";
import { foldingRanges } from "../../src/language/index.js";
import type { FoldingRange } from "../../src/language/types.js";
import { mutated, wellFormed } from "./texts.js";

/** The ranges as jsonc-parser's scanner gives them: what foldingRanges computed before it read characters. */
function scanned(text: string, limit = Number.POSITIVE_INFINITY): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const open: { line: number; bracket: number }[] = [];
  const regions: number[] = [];
  const scanner = createScanner(text, false);
  let lastStartLine = -1;
  const add = (range: FoldingRange) => {
    if (range.startLine === lastStartLine) return;
    lastStartLine = range.startLine;
    ranges.push(range);
  };
  for (let token = scanner.scan(); token !== 17 && ranges.length < limit; token = scanner.scan()) {
    if (token === 1 || token === 3) open.push({ line: scanner.getTokenStartLine(), bracket: token });
    else if (token === 2 || token === 4) {
      const top = open[open.length - 1];
      if (top && top.bracket === token - 1) {
        open.pop();
        const line = scanner.getTokenStartLine();
        if (line > top.line + 1) add({ startLine: top.line + 1, endLine: line });
      }
    } else if (token === 13) {
      const start = scanner.getTokenStartLine();
      const body = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
      const end = start + (body.match(/\r\n|\r|\n/g)?.length ?? 0);
      if (end > start) add({ startLine: start + 1, endLine: end + 1, kind: "comment" });
    } else if (token === 12) {
      const match = /^\/\/\s*#(region|endregion)\b/.exec(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
      if (!match) continue;
      const line = scanner.getTokenStartLine();
      if (match[1] === "region") regions.push(line);
      else {
        const start = regions.pop();
        if (start !== undefined && line > start) add({ startLine: start + 1, endLine: line + 1, kind: "region" });
      }
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

// Pieces where a character reading could part from the scanner: escapes before line breaks, CR LF,
// unclosed strings and comments, region markers.
const piece = fc.constantFrom("{", "}", "[", "]", '"', "\\", "\\\n", "\\\r\n", "\r", "\n", "\r\n", "/*", "*/", "//", "// #region a\n", "// #endregion\n", "/", "x", " ", ",", '"a\\"b"');
const pieces = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

describe("foldingRanges read by characters", () => {
  it("gives the scanner's ranges, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(pieces, mutated, wellFormed), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), (text, limit) => {
        expect(foldingRanges(text, limit === undefined ? {} : { limit })).toEqual(scanned(text, limit));
      }),
      { numRuns: 5000 },
    );
  });
});
