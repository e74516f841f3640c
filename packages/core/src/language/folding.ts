import type { FoldingRange } from "./types.js";

const REGION = /^\/\/\s*#(region|endregion)\b/;

/**
 * Multi-line objects, arrays and block comments, plus `// #region` ... `// #endregion`.
 * The closing bracket's line stays visible, as in VS Code's own JSON folding. At most `limit`
 * ranges (default 5,000), the outermost first, as vscode-json-languageservice keeps them: a 5 MB
 * document of deep objects has 300,000, which no editor shows and which took longer to send than
 * to find.
 *
 * Read by characters, not with jsonc-parser's scanner (which makes a token of every piece and took
 * 100-200 ms on 5 MB): the same pieces and the same line numbers, its quirks included (an escaped
 * line break belongs to the string and is not counted as a line).
 */
export function foldingRanges(text: string, options: { limit?: number } = {}): FoldingRange[] {
  const limit = options.limit ?? 5000;
  const ranges: FoldingRange[] = [];
  const open: { line: number; brace: boolean }[] = [];
  const regions: number[] = [];
  let lastStartLine = -1;
  const add = (range: FoldingRange) => {
    // One range per start line: an inner object opening on the same line as its parent is dropped.
    if (range.startLine === lastStartLine) return;
    lastStartLine = range.startLine;
    ranges.push(range);
  };
  const length = text.length;
  let line = 0;
  for (let at = 0; at < length; at++) {
    const c = text.charCodeAt(at);
    switch (c) {
      case 10:
        line++;
        break;
      case 13:
        line++;
        if (text.charCodeAt(at + 1) === 10) at++;
        break;
      case 123: // {
      case 91: // [
        open.push({ line, brace: c === 123 });
        break;
      case 125: // }
      case 93: {
        // ]
        const top = open[open.length - 1];
        if (top && top.brace === (c === 125)) {
          open.pop();
          if (line > top.line + 1) add({ startLine: top.line + 1, endLine: line });
        }
        break;
      }
      case 34: // "
        at = stringEnd(text, at) - 1;
        break;
      case 47: {
        // /
        const next = text.charCodeAt(at + 1);
        if (next === 47) {
          let end = at + 2;
          while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
          const match = REGION.exec(text.slice(at, end));
          if (match) {
            if (match[1] === "region") regions.push(line);
            else {
              const start = regions.pop();
              if (start !== undefined && line > start) add({ startLine: start + 1, endLine: line + 1, kind: "region" });
            }
          }
          at = end - 1;
        } else if (next === 42) {
          const start = line;
          const close = text.indexOf("*/", at + 2);
          const end = close < 0 ? length : close + 2;
          line += countLines(text, at, end);
          if (line > start) add({ startLine: start + 1, endLine: line + 1, kind: "comment" });
          at = end - 1;
        }
        break;
      }
    }
  }
  // Ranges were added when they closed; editors expect them ordered by start.
  ranges.sort((a, b) => a.startLine - b.startLine);
  return ranges.length <= limit ? ranges : outermost(ranges, limit);
}

/** The `limit` ranges nested least deep (all of each level that fits whole, then the first of the next), in order. */
function outermost(ranges: FoldingRange[], limit: number): FoldingRange[] {
  const levels: number[] = [];
  const ends: number[] = [];
  for (const range of ranges) {
    while (ends.length > 0 && ends[ends.length - 1]! < range.startLine) ends.pop();
    levels.push(ends.length);
    ends.push(range.endLine);
  }
  const counts: number[] = [];
  for (const level of levels) counts[level] = (counts[level] ?? 0) + 1;
  let whole = 0;
  let cut = counts.length;
  for (let level = 0; level < counts.length; level++) {
    if (whole + (counts[level] ?? 0) > limit) {
      cut = level;
      break;
    }
    whole += counts[level] ?? 0;
  }
  let room = limit - whole;
  return ranges.filter((_, index) => levels[index]! < cut || (levels[index] === cut && room-- > 0));
}

/** Where jsonc-parser's scanner ends the string whose quote is at `at`: after its closing quote, or at a line break. */
function stringEnd(text: string, at: number): number {
  const length = text.length;
  for (let i = at + 1; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    // The escaped character is the string's, even a line break.
    if (c === 92) i++;
    else if (c === 10 || c === 13) return i;
  }
  return length;
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
