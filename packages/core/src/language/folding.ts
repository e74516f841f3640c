import { createScanner } from "jsonc-parser";
import type { FoldingRange } from "./types.js";

import { SyntaxKind } from "../source/syntax-kind.js";

const { OpenBrace: OPEN_BRACE, CloseBrace: CLOSE_BRACE, OpenBracket: OPEN_BRACKET, CloseBracket: CLOSE_BRACKET, LineComment: LINE_COMMENT, BlockComment: BLOCK_COMMENT, EOF: EOF_TOKEN } = SyntaxKind;

const REGION = /^\/\/\s*#(region|endregion)\b/;

/**
 * Multi-line objects, arrays and block comments, plus `// #region` ... `// #endregion`.
 * The closing bracket's line stays visible, as in VS Code's own JSON folding.
 */
export function foldingRanges(text: string, options: { limit?: number } = {}): FoldingRange[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const ranges: FoldingRange[] = [];
  const open: { line: number; bracket: number }[] = [];
  const regions: number[] = [];
  const scanner = createScanner(text, false);
  let lastStartLine = -1;
  const add = (range: FoldingRange) => {
    // One range per start line: an inner object opening on the same line as its parent is dropped.
    if (range.startLine === lastStartLine) return;
    lastStartLine = range.startLine;
    ranges.push(range);
  };
  for (let token = scanner.scan(); token !== EOF_TOKEN && ranges.length < limit; token = scanner.scan()) {
    switch (token) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        open.push({ line: scanner.getTokenStartLine(), bracket: token });
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET: {
        const expected = token === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET;
        const top = open[open.length - 1];
        if (top && top.bracket === expected) {
          open.pop();
          const line = scanner.getTokenStartLine();
          if (line > top.line + 1) add({ startLine: top.line + 1, endLine: line });
        }
        break;
      }
      case BLOCK_COMMENT: {
        const start = scanner.getTokenStartLine();
        const end = countLines(text, scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()) + start;
        if (end > start) add({ startLine: start + 1, endLine: end + 1, kind: "comment" });
        break;
      }
      case LINE_COMMENT: {
        const match = REGION.exec(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
        if (!match) break;
        const line = scanner.getTokenStartLine();
        if (match[1] === "region") regions.push(line);
        else {
          const start = regions.pop();
          if (start !== undefined && line > start) add({ startLine: start + 1, endLine: line + 1, kind: "region" });
        }
        break;
      }
    }
  }
  // Ranges were added when they closed; editors expect them ordered by start.
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 13) {
      lines++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return lines;
}
