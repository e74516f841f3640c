import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createScanner } from "jsonc-parser";
import { foldingRanges } from "../../src/language/index.js";
import type { FoldingRange } from "../../src/language/types.js";
import { mutated, wellFormed } from "./texts.js";

/** The ranges as jsonc-parser's scanner gives them: what foldingRanges computed before it read characters. */
function scanned(text: string): FoldingRange[] {
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
  for (let token = scanner.scan(); token !== 17; token = scanner.scan()) {
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
      fc.property(fc.oneof(pieces, mutated, wellFormed), (text) => {
        expect(foldingRanges(text, { limit: Number.POSITIVE_INFINITY })).toEqual(scanned(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps at most the limit, in order", () => {
    fc.assert(
      fc.property(fc.oneof(pieces, mutated, wellFormed), fc.integer({ min: 0, max: 6 }), (text, limit) => {
        const all = foldingRanges(text, { limit: Number.POSITIVE_INFINITY });
        const kept = foldingRanges(text, { limit });
        expect(kept).toHaveLength(Math.min(limit, all.length));
        // A subsequence of all the ranges.
        let next = 0;
        for (const range of kept) {
          while (next < all.length && JSON.stringify(all[next]) !== JSON.stringify(range)) next++;
          expect(next).toBeLessThan(all.length);
          next++;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the outermost ranges of well-nested objects", () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 0, max: 6 }), (text, limit) => {
        const all = foldingRanges(text, { limit: Number.POSITIVE_INFINITY });
        const kept = new Set(foldingRanges(text, { limit }).map((range) => range.startLine));
        const level = (range: FoldingRange) => all.filter((other) => other.startLine < range.startLine && range.endLine <= other.endLine).length;
        const deepestKept = Math.max(-1, ...all.filter((range) => kept.has(range.startLine)).map(level));
        for (const range of all) if (!kept.has(range.startLine)) expect(level(range)).toBeGreaterThanOrEqual(deepestKept);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers 5,000 ranges by default, the top levels among them", () => {
    const text = `{\n${Array.from({ length: 3000 }, (_, i) => `"k${i}": {\n"a": [\n1\n]\n}`).join(",\n")}\n}`;
    const ranges = foldingRanges(text);
    const lines = text.split("\n");
    expect(ranges).toHaveLength(5000);
    // The document and the 3,000 objects, then the first 1,999 arrays.
    expect(ranges.filter((range) => lines[range.startLine - 1]!.endsWith("{"))).toHaveLength(3001);
  });
});
